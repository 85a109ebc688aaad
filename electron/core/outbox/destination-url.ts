import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Destination, DestinationKind } from './types';

const DEFAULT_PORT: Record<DestinationKind, number> = { file: 0, sftp: 22, ftp: 21, ftps: 21 };

export class DestinationUrlError extends Error {}

/**
 * sftp://user@host:port/dir, ftp://…, ftps://… (explicit TLS), file:///dir. A password
 * in the URL is refused: it would end up in shell history and logs.
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
  if (!(kind in DEFAULT_PORT))
    throw new DestinationUrlError(`use sftp://, ftp://, ftps:// or file:// (got ${u.protocol})`);
  if (u.password)
    throw new DestinationUrlError(
      'do not put the password in the URL; use CAPTIONDESK_PASSWORD or the prompt',
    );
  if (kind === 'file') {
    return { kind, host: '', port: 0, user: '', remoteDir: fileURLToPath(u) };
  }
  if (!u.hostname) throw new DestinationUrlError(`the URL names no server: ${url}`);
  if (!u.username) throw new DestinationUrlError(`the URL names no user (user@host): ${url}`);
  return {
    kind,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : DEFAULT_PORT[kind],
    user: decodeURIComponent(u.username),
    remoteDir: decodeURIComponent(u.pathname) || '/',
  };
}

export function destinationUrl(d: Destination): string {
  if (d.kind === 'file') return `file://${d.remoteDir}`;
  return `${d.kind}://${encodeURIComponent(d.user)}@${d.host}:${d.port}${d.remoteDir}`;
}

/** The same URL always names the same destination, so a pinned key survives CLI runs. */
export function destinationIdFor(url: string): string {
  const p = parseDestinationUrl(url);
  const key = `${p.kind}|${p.user}|${p.host}|${p.port}|${p.remoteDir}`;
  return `${p.kind}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
