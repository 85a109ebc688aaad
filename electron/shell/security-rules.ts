/**
 * The decisions behind the Electron security checklist, as pure functions with no
 * Electron import, so they are unit tested in plain Node (security-rules.test.ts).
 * security.ts, ipc.ts and app-protocol.ts apply them.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
/** `app://app/…` serves the built renderer. */
export const APP_HOST = 'app';
/** `app://media/…` serves images, through the core's `resolveMedia`. */
export const MEDIA_HOST = 'media';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const MEDIA_BASE = `${APP_SCHEME}://${MEDIA_HOST}/`;

/**
 * Hosts the UI may send the user to, in their browser. Exact matches, https only:
 * extend it when the UI gains a link, never with a wildcard.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com', 'iptc.org', 'www.iptc.org'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: `app://app/…`, or the Vite dev server during
 * `npm start`. `devServerUrl` must be undefined in packaged builds, so that a page
 * on localhost can never speak for the app there.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  const dev = devServerUrl ? parse(devServerUrl) : null;
  return dev !== null && u.origin === dev.origin;
}

/** Whether an IPC message from a frame at `senderUrl` may reach the API. */
export function isAllowedSender(senderUrl: string | undefined, devServerUrl?: string): boolean {
  return senderUrl !== undefined && isAppUrl(senderUrl, devServerUrl);
}

/**
 * Network requests the renderer may make at all: none, except to the Vite dev
 * server (its page, modules and hot-reload socket) during `npm start`.
 */
export function isAllowedNetworkRequest(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  const dev = devServerUrl ? parse(devServerUrl) : null;
  if (!u || !dev) return false;
  const socketOf: Record<string, string> = { 'http:': 'ws:', 'https:': 'wss:' };
  const sameServer = u.hostname === dev.hostname && u.port === dev.port;
  return sameServer && (u.protocol === dev.protocol || u.protocol === socketOf[dev.protocol]);
}

/** Links that may leave the app for the user's browser: https, no credentials, listed host. */
export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  return hosts.includes(u.hostname);
}

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, or null when it
 * would escape it. Decoding happens here, after the URL parser has already removed
 * plain `..` segments, because `%2e%2e%2f` and `..%5c` survive that parser.
 * `pathImpl` lets the tests check Windows paths on Linux.
 */
export function safeJoin(
  root: string,
  urlPath: string,
  pathImpl: path.PlatformPath = path,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = pathImpl.resolve(root);
  const relative = decoded.replace(/^[/\\]+/, '');
  if (pathImpl.isAbsolute(relative)) return null;
  const full = pathImpl.resolve(base, relative);
  const inside = pathImpl.relative(base, full);
  if (inside === '' || pathImpl.isAbsolute(inside)) return null;
  if (inside === '..' || inside.startsWith(`..${pathImpl.sep}`)) return null;
  return full;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Every `app:` URL is answered by our own protocol handler, so allowing the scheme
 * is as narrow as naming `app://media`, and does not depend on how Chromium matches
 * host sources of custom schemes (it lets the dev server's page load media too).
 */
const APP_SOURCE = `${APP_SCHEME}:`;

/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself, images
 * only from `app:` (the UI and `app://media`), no network, no frames, no plugins.
 * It matches renderer/index.html's meta policy; both apply, and the header also
 * covers any page that lacks the meta tag. Only the dev server of `npm start` gets
 * inline scripts and styles (Vite's React Refresh preamble and injected <style> tags).
 * Style attributes set from script (React's `style` prop) are allowed either way.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", APP_SOURCE, 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev ? ["'self'", devSocket] : ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Media is only ever displayed, never run: a CSP for the images themselves. */
export const MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
