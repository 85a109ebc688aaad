/**
 * The checks every browser-mode request passes before anything else: who it is for
 * (Host, Origin: DNS rebinding and CSRF) and whether it carries this run's token.
 * server.test.ts sends the same refusals over a real socket.
 */
import type * as Crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (original) => {
  const crypto = await original<typeof Crypto>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push([a.byteLength, b.byteLength]);
      return crypto.timingSafeEqual(a, b);
    },
  };
});

const { checkHostAndOrigin, presentedToken, tokenMatches } = await import('./request-guards');

const PORT = 41234;
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('checkHostAndOrigin', () => {
  it('lets through a page of this server, by 127.0.0.1 or localhost', () => {
    expect(checkHostAndOrigin(req({ host: `127.0.0.1:${PORT}` }), PORT)).toBeNull();
    expect(checkHostAndOrigin(req({ host: `localhost:${PORT}` }), PORT)).toBeNull();
    expect(
      checkHostAndOrigin(
        req({ host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` }),
        PORT,
      ),
    ).toBeNull();
  });

  it('refuses a rebound or foreign Host (DNS rebinding)', () => {
    for (const host of [
      'evil.example',
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT}.evil.example`,
      `localhost.evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `[::1]:${PORT}`,
      `0.0.0.0:${PORT}`,
      '',
    ]) {
      expect(checkHostAndOrigin(req({ host }), PORT), host).toBe('foreign Host header');
    }
    expect(checkHostAndOrigin(req({}), PORT)).toBe('foreign Host header');
  });

  it('refuses another site’s Origin and cross-site fetches (CSRF)', () => {
    const host = `127.0.0.1:${PORT}`;
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${PORT}`]) {
      expect(checkHostAndOrigin(req({ host, origin }), PORT), origin).toBe('foreign Origin header');
    }
    expect(checkHostAndOrigin(req({ host, 'sec-fetch-site': 'cross-site' }), PORT)).toBe(
      'cross-site request',
    );
  });
});

describe('tokenMatches', () => {
  const token = 'Zm9vYmFyLXRva2VuLWZvci10ZXN0cw';

  it('accepts the token and nothing else, whatever the length presented', () => {
    expect(tokenMatches(token, token)).toBe(true);
    for (const guess of [
      null,
      '',
      token.slice(0, -1),
      token + 'x',
      token.replace(/.$/, 'X'),
      'đ'.repeat(token.length),
      'x'.repeat(100_000),
    ]) {
      expect(tokenMatches(guess, token), String(guess).slice(0, 40)).toBe(false);
    }
  });

  it('compares in constant time over equal-length digests, even when the lengths differ', () => {
    compared.length = 0;
    tokenMatches('short', token);
    tokenMatches(token + token, token);
    tokenMatches(token, token);
    expect(compared).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });
});

describe('presentedToken', () => {
  const url = (q = '') => new URL(`http://127.0.0.1:${PORT}/${q}`);

  it('takes the header first, then the cookie, then ?token= (which sets the cookie)', () => {
    expect(
      presentedToken(
        req({ 'x-captiondesk-token': 'h', cookie: 'captiondesk_token=c' }),
        url('?token=q'),
      ),
    ).toEqual({ token: 'h', viaQuery: false });
    expect(presentedToken(req({ cookie: 'a=b; captiondesk_token=c' }), url('?token=q'))).toEqual({
      token: 'c',
      viaQuery: false,
    });
    expect(presentedToken(req({}), url('?token=q'))).toEqual({ token: 'q', viaQuery: true });
    expect(presentedToken(req({}), url())).toEqual({ token: null, viaQuery: false });
  });
});
