import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-captiondesk-token';
export const TOKEN_COOKIE = 'captiondesk_token';

/**
 * Browser mode is a local server any web page could try to reach. Refuse requests
 * whose Host is not us (DNS rebinding) or whose Origin is another site (CSRF).
 */
export function checkHostAndOrigin(req: IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'foreign Host header';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`))
    return 'foreign Origin header';
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request';
  return null;
}

/**
 * Constant time whatever is presented: both sides are hashed to 32 bytes first, so
 * neither the comparison nor a length check before it tells an attacker how much of
 * a guess was right, or how long the token is.
 */
function sameToken(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** The token may come as a header (API calls), a cookie (images, events) or `?token=` (the first page load). */
export function presentedToken(
  req: IncomingMessage,
  url: URL,
): { token: string | null; viaQuery: boolean } {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return { token: header, viaQuery: false };
  const cookie = readCookie(req, TOKEN_COOKIE);
  if (cookie) return { token: cookie, viaQuery: false };
  const q = url.searchParams.get('token');
  return { token: q, viaQuery: q !== null };
}

export function tokenMatches(presented: string | null, expected: string): boolean {
  return presented !== null && sameToken(presented, expected);
}
