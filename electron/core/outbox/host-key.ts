import { OutboxError } from './errors';
import type { Destination } from './types';

/**
 * The pinning rule for SSH host keys and FTPS certificates alike: the pinned key
 * passes; a different one is refused loudly; an unknown one is pinned only when the
 * user said to trust the first contact, and otherwise shown for them to check.
 * Returns the fingerprint to pin now, if any.
 */
export function judgeFingerprint(d: Destination, seen: string): string | null {
  if (d.fingerprint === seen) return null;
  if (d.fingerprint)
    throw new OutboxError(
      'host-key-changed',
      `WARNING: the server ${d.host} shows a different key (${seen}) from the one saved (${d.fingerprint}). ` +
        'Someone may be intercepting the connection, or the server was reinstalled. ' +
        'Nothing was sent. Ask the desk for the new fingerprint before accepting it.',
      seen,
    );
  if (d.trustNewHostKey) return seen;
  throw new OutboxError(
    'host-key-unknown',
    `First connection to ${d.host}: its key fingerprint is ${seen}. ` +
      'Check it with the desk, then accept it to send.',
    seen,
  );
}
