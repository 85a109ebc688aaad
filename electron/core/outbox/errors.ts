import type { OutboxErrorCode, OutboxProblem } from './types';
import { codeForErrno } from '../../../common/errors/errno';

/** An outbox failure with a code the UI can act on and words a reporter understands. */
export class OutboxError extends Error {
  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    readonly fingerprint?: string,
  ) {
    super(message);
    this.name = 'OutboxError';
  }
  toProblem(): OutboxProblem {
    return this.fingerprint
      ? { code: this.code, message: this.message, fingerprint: this.fingerprint }
      : { code: this.code, message: this.message };
  }
}

/** Retrying these cannot help until the user changes something. */
const NEEDS_USER: ReadonlySet<OutboxErrorCode> = new Set([
  'auth-failed',
  'host-key-unknown',
  'host-key-changed',
  'disk-full',
  'permission-denied',
  'package-unreadable',
  'missing-secret',
  'api-disabled',
  'too-large',
  'post-published',
]);

export function needsUser(code: OutboxErrorCode): boolean {
  return NEEDS_USER.has(code);
}

interface Raw {
  code?: string | number;
  level?: string;
  message?: string;
}

/** Turn whatever a socket, ssh2, basic-ftp or fs threw into an OutboxError. */
export function classify(err: unknown, where: string): OutboxError {
  if (err instanceof OutboxError) return err;
  const e = (err ?? {}) as Raw;
  const msg = String(e.message ?? err);
  const code = e.code;
  const ftp = typeof code === 'number' && code >= 400 && code < 600 ? code : null;
  if (e.level === 'client-authentication' || ftp === 530)
    return new OutboxError(
      'auth-failed',
      `${where} refused the user name or password (or key). Check them and try again.`,
    );
  if (code === 'ECONNREFUSED')
    return new OutboxError(
      'connection-refused',
      `${where} refused the connection: the server is down or the port is wrong.`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new OutboxError('host-not-found', `${where} could not be found (no network or DNS?).`);
  if (code === 'ETIMEDOUT' || e.level === 'client-timeout' || /timeout/i.test(msg))
    return new OutboxError('timeout', `${where} did not answer in time.`);
  // File system errnos are read where every other errno is (common/errors/errno.ts).
  const fsCode = codeForErrno(code);
  if (fsCode === 'disk-full' || ftp === 552 || ftp === 452)
    return new OutboxError(
      'disk-full',
      `${where} is out of space or over quota; ask the desk to make room.`,
    );
  if (fsCode === 'permission-denied' || code === 3 || ftp === 550 || ftp === 553)
    return new OutboxError(
      'permission-denied',
      `${where} does not let this user write there (permission denied).`,
    );
  if (code === 4 && /quota|space/i.test(msg))
    return new OutboxError('disk-full', `${where} is out of space or over quota.`);
  return new OutboxError('connection-lost', `${where}: the transfer broke off (${msg}).`);
}
