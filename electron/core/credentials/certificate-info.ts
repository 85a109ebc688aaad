/** A certificate as the UI and the CLI show it. */
import type { X509Certificate } from 'node:crypto';
import { createHash } from 'node:crypto';
import type { SigningIdentity } from '../../contract/api';

export type CertificateInfo = SigningIdentity['certificate'];

/** "CN=Báo Lào Cai\nO=…" → the value of one attribute (Node gives UTF-8 names). */
export function nameField(name: string, key: string): string | null {
  for (const line of name.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).trim() === key)
      return line
        .slice(eq + 1)
        .trim()
        .normalize('NFC');
  }
  return null;
}

/** "Common Name, Organization" or whichever of the two the name has. */
export function displayName(name: string): string {
  const parts = [nameField(name, 'CN'), nameField(name, 'O')].filter((p): p is string => !!p);
  return parts.length ? [...new Set(parts)].join(', ') : name.replace(/\n/g, ', ');
}

export function certificateInfo(cert: X509Certificate): CertificateInfo {
  return {
    subject: displayName(cert.subject),
    issuer: displayName(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprint: createHash('sha256').update(cert.raw).digest('hex'),
  };
}
