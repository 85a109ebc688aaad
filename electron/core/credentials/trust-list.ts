/**
 * The certificates Content Credentials are trusted by: a PEM bundle the user pastes or
 * loads in settings, empty by default (trust no one until the desk says so). It may also
 * hold certificate revocation lists, the one way to know of a revocation offline.
 */
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Crl, X509Certificate as PeculiarCertificate } from '@peculiar/x509';

import type { TrustList } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { certificateInfo } from './certificate-info';
import { pemBlocks } from './pem';

export interface LoadedTrust {
  view: TrustList;
  /** The certificates alone, as PEM: what the validator takes as trust anchors. */
  anchorsPem: string;
  certificates: X509Certificate[];
  crls: X509Crl[];
}

/** Parse a bundle, naming the first block that does not read. */
export function parseTrust(pem: string): LoadedTrust {
  const text = pem.normalize('NFC').trim();
  const blocks = pemBlocks(text);
  if (text && !blocks.length)
    throw new ApiError('No PEM block in the trust list', 'pem-invalid', { what: 'PEM' });
  const certificates: X509Certificate[] = [];
  const crls: X509Crl[] = [];
  const anchors: string[] = [];
  blocks.forEach((b, i) => {
    const what = `${b.label} ${i + 1}`;
    try {
      if (b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE') {
        const cert = new X509Certificate(b.der);
        certificates.push(cert);
        anchors.push(cert.toString());
      } else if (b.label === 'X509 CRL') {
        crls.push(new X509Crl(new Uint8Array(b.der)));
      } else {
        throw new Error(`a ${b.label} has no place in a trust list`);
      }
    } catch (err) {
      throw new ApiError(`Trust list: ${what}: ${(err as Error).message}`, 'pem-invalid', { what });
    }
  });
  return {
    anchorsPem: anchors.join(''),
    certificates,
    crls,
    view: {
      pem: text ? text + '\n' : '',
      certificates: certificates.map(certificateInfo),
      crls: crls.map((c) => ({
        issuer: c.issuerName.getField('CN')[0] ?? c.issuer,
        thisUpdate: c.thisUpdate.toISOString(),
        revoked: c.entries.length,
      })),
    },
  };
}

export class TrustListStore {
  private cached: LoadedTrust | null = null;
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'trust.pem');
  }

  async load(): Promise<LoadedTrust> {
    if (this.cached) return this.cached;
    let pem = '';
    try {
      pem = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    this.cached = parseTrust(pem);
    return this.cached;
  }

  async save(pem: string): Promise<LoadedTrust> {
    const parsed = parseTrust(pem);
    await mkdir(join(this.path, '..'), { recursive: true });
    await writeFileAtomic(this.path, parsed.view.pem);
    this.cached = parsed;
    return parsed;
  }
}

/**
 * When a revocation list in the bundle, signed by a certificate in the bundle, lists the
 * signer: the revocation time. A CRL we cannot verify is no evidence either way.
 */
export async function revokedAt(trust: LoadedTrust, signerDer: Uint8Array): Promise<string | null> {
  if (!trust.crls.length) return null;
  const signer = new PeculiarCertificate(new Uint8Array(signerDer));
  for (const crl of trust.crls) {
    if (crl.issuer !== signer.issuer) continue;
    const entry = crl.entries.find((e) => e.serialNumber === signer.serialNumber);
    if (!entry) continue;
    for (const ca of trust.certificates) {
      const issuer = new PeculiarCertificate(new Uint8Array(ca.raw));
      if (issuer.subject !== crl.issuer) continue;
      if (await crl.verify({ publicKey: issuer.publicKey }).catch(() => false))
        return entry.revocationDate.toISOString();
    }
  }
  return null;
}
