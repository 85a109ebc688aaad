import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { destinationIdFor, parseDestinationUrl } from '../electron/core/outbox/destination-url';
import { uploadOrder } from '../electron/core/outbox/stage-package';
import { backoffMs, isLoopbackHost } from '../electron/core/outbox/online';
import { Meter } from '../electron/core/outbox/throttle';
import { classify } from '../electron/core/outbox/errors';
import { runCli } from '../electron/cli/main';

describe('outbox pieces', () => {
  it('parses destination URLs and refuses passwords in them', () => {
    expect(parseDestinationUrl('sftp://ana@127.0.0.1:2222/inbox')).toEqual({
      kind: 'sftp',
      host: '127.0.0.1',
      port: 2222,
      user: 'ana',
      remoteDir: '/inbox',
    });
    expect(parseDestinationUrl('ftps://ana@desk.example/in').port).toBe(21);
    expect(parseDestinationUrl('file:///mnt/share/inbox').remoteDir).toBe('/mnt/share/inbox');
    expect(() => parseDestinationUrl('sftp://ana:secret@host/in')).toThrow(/password/);
    expect(() => parseDestinationUrl('http://host/in')).toThrow(/sftp/);
    expect(destinationIdFor('ftp://a@h/x')).toBe(destinationIdFor('ftp://a@h:21/x'));
  });

  it('parses WordPress sites: https anywhere, plain http only on this computer', () => {
    expect(parseDestinationUrl('wordpress+https://phong.vien@baolaocai.vn')).toEqual({
      kind: 'wordpress+https',
      host: 'baolaocai.vn',
      port: 443,
      user: 'phong.vien',
      remoteDir: '/',
    });
    // A site in a folder: its path ends in a slash, so the API's address resolves under it.
    expect(parseDestinationUrl('wordpress+https://a@example.vn/tin-tuc').remoteDir).toBe(
      '/tin-tuc/',
    );
    expect(parseDestinationUrl('wordpress+http://a@127.0.0.1:8080/').port).toBe(8080);
    expect(() => parseDestinationUrl('wordpress+http://a@baolaocai.vn/')).toThrow(
      /unencrypted.*wordpress\+https/,
    );
    expect(() => parseDestinationUrl('wordpress+https://a@example.vn/?p=1')).toThrow(/without \?/);
    expect(() => parseDestinationUrl('wordpress+https://a:pw@example.vn/')).toThrow(/password/);
    expect(destinationIdFor('wordpress+https://a@example.vn/')).toBe(
      destinationIdFor('wordpress+https://a@example.vn:443'),
    );
    expect(destinationIdFor('wordpress+https://a@example.vn/')).toMatch(/^wordpress-[0-9a-f]{12}$/);
  });

  it('orders photos first, then the text, then manifest.json', () => {
    expect(uploadOrder(['manifest.json', 'newsml.xml', 'b.jpg', 'article.html', 'a.jpg'])).toEqual([
      'a.jpg',
      'b.jpg',
      'article.html',
      'newsml.xml',
      'manifest.json',
    ]);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(isLoopbackHost('127.0.0.1') && !isLoopbackHost('10.0.0.1')).toBe(true);
  });

  it('holds a stream to its bandwidth limit', async () => {
    let n = 0;
    const t0 = Date.now();
    await pipeline(
      Readable.from([Buffer.alloc(300 * 1024)]),
      new Meter(1024 * 1024, (b) => (n += b)),
      new Writable({ write: (_c, _e, cb) => cb() }),
    );
    expect(n).toBe(300 * 1024);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('names the causes in plain words', () => {
    expect(classify({ code: 'ECONNREFUSED' }, 'X').code).toBe('connection-refused');
    expect(classify({ code: 552, message: 'quota' }, 'X').code).toBe('disk-full');
    expect(classify({ code: 'ENOSPC' }, 'X').code).toBe('disk-full');
    expect(classify({ code: 3, message: 'Permission denied' }, 'X').code).toBe('permission-denied');
    expect(classify({ level: 'client-authentication' }, 'X').code).toBe('auth-failed');
  });

  it('the CLI refuses a --password flag', async () => {
    let err = '';
    const write = (s: string) => ((err += s), true);
    const out = { write } as unknown as typeof process.stdout;
    const errs = { write } as unknown as typeof process.stderr;
    const code = await runCli(
      ['upload', 'p.zip', '--to', 'ftp://a@127.0.0.1/x', '--password', 'x'],
      out,
      errs,
    );
    expect(code).toBe(1);
    expect(err).toMatch(/no --password flag/);
  });
});
