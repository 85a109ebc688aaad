import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from './online';
import {
  DEFAULT_PORTS,
  isWordPress,
  type DestinationKind,
} from '../../../common/outbox/destination-kinds';
import type { Destination } from './types';

export { isWordPress };

export class DestinationUrlError extends Error {}

/**
 * sftp://user@host:port/dir, ftp://…, ftps://… (explicit TLS), file:///dir, and
 * wordpress+https://user@site/path/ for a WordPress site. A password in the URL is refused:
 * it would end up in shell history and logs.
 */
export function parseDestinationUrl(
  url: string,
): Pick<Destination, 'kind' | 'host' | 'port' | 'user' | 'remoteDir'> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DestinationUrlError(`not a destination URL: ${url}`);
  }
  const kind = u.protocol.replace(/:$/, '') as DestinationKind;
  if (!(kind in DEFAULT_PORTS))
    throw new DestinationUrlError(
      `use sftp://, ftp://, ftps://, file:// or wordpress+https:// (got ${u.protocol})`,
    );
  if (u.password)
    throw new DestinationUrlError(
      'do not put the password in the URL; use CAPTIONDESK_PASSWORD or the prompt',
    );
  if (kind === 'file') {
    return { kind, host: '', port: 0, user: '', remoteDir: fileURLToPath(u) };
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new DestinationUrlError(`the URL names no server: ${url}`);
  if (!u.username) throw new DestinationUrlError(`the URL names no user (user@host): ${url}`);
  if (kind === 'wordpress+http' && !isLoopbackHost(host))
    throw new DestinationUrlError(
      `wordpress+http:// would send the Application Password unencrypted; use wordpress+https:// (plain http is only for a site on this computer, 127.0.0.1)`,
    );
  if (isWordPress(kind) && (u.search || u.hash))
    throw new DestinationUrlError(`give the WordPress site's address without ? or #: ${url}`);
  const path = decodeURIComponent(u.pathname) || '/';
  return {
    kind,
    host,
    port: u.port ? Number(u.port) : DEFAULT_PORTS[kind],
    user: decodeURIComponent(u.username),
    remoteDir: isWordPress(kind) && !path.endsWith('/') ? `${path}/` : path,
  };
}

export function destinationUrl(d: Destination): string {
  if (d.kind === 'file') return `file://${d.remoteDir}`;
  const host = d.host.includes(':') ? `[${d.host}]` : d.host;
  return `${d.kind}://${encodeURIComponent(d.user)}@${host}:${d.port}${d.remoteDir}`;
}

/** A WordPress destination's site address as the web knows it: https://host:port/path/. */
export function wordPressSite(d: Destination): string {
  const scheme = d.kind === 'wordpress+http' ? 'http' : 'https';
  const host = d.host.includes(':') ? `[${d.host}]` : d.host;
  return new URL(`${scheme}://${host}:${d.port}${encodeURI(d.remoteDir)}`).href;
}

/** The same URL always names the same destination, so a pinned key survives CLI runs. */
export function destinationIdFor(url: string): string {
  const p = parseDestinationUrl(url);
  const key = `${p.kind}|${p.user}|${p.host}|${p.port}|${p.remoteDir}`;
  const prefix = isWordPress(p.kind) ? 'wordpress' : p.kind;
  return `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
