import { createHash } from 'node:crypto';

/** OpenSSH's spelling: what `ssh-keygen -lf` prints, so users can compare by eye. */
export function sha256Fingerprint(keyOrCert: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyOrCert).digest('base64').replace(/=+$/, '');
}
