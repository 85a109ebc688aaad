/**
 * The identity exported photos are signed with: a certificate chain (signer first) and
 * its private key. The chain is public and lives in a plain file; the key lives in the
 * OS keychain in the desktop app (through the host's SecretStore, safeStorage), and in a
 * file only this user can read where there is no keychain (browser mode, the CLI).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { SigningIdentity } from '../../contract/api';
import { ApiError } from '../../contract/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretStore } from '../outbox/secret-store';
import { certificateInfo } from './certificate-info';
import { pemBlocks } from './pem';
import { coseAlgorithmFor, type CoseAlgorithm } from './signing-algorithm';

/** The extended key uses C2PA accepts for a claim signer (C2PA 2.1, 14.5.1). */
const C2PA_EKUS = new Set([
  '1.3.6.1.5.5.7.3.4', // emailProtection
  '1.3.6.1.5.5.7.3.36', // documentSigning
  '1.3.6.1.5.5.7.3.8', // timeStamping
  '1.3.6.1.5.5.7.3.9', // OCSPSigning
  '1.3.6.1.4.1.311.76.59.1.9', // Microsoft's document signing
  '1.3.6.1.4.1.62558.2.1', // c2pa-kp-claimSigning
]);

const SECRET_KEY = 'credentials:signing-key';

export interface LoadedIdentity {
  view: SigningIdentity;
  chain: X509Certificate[];
  key: KeyObject;
  algorithm: CoseAlgorithm;
}

interface Parsed {
  chain: X509Certificate[];
  key: KeyObject;
  algorithm: CoseAlgorithm;
}

function parseChain(pem: string): X509Certificate[] {
  const blocks = pemBlocks(pem).filter((b) => b.label === 'CERTIFICATE');
  if (!blocks.length)
    throw new ApiError('The certificate file holds no certificate', 'pem-invalid', {
      what: 'CERTIFICATE',
    });
  return blocks.map((b, i) => {
    try {
      return new X509Certificate(b.der);
    } catch (err) {
      const what = `CERTIFICATE ${i + 1}`;
      throw new ApiError(`${what}: ${(err as Error).message}`, 'pem-invalid', { what });
    }
  });
}

function parseKey(pem: string): KeyObject {
  if (/ENCRYPTED/.test(pem))
    throw new ApiError(
      'The private key is encrypted; export it without a passphrase (the app protects it itself)',
      'pem-invalid',
      { what: 'PRIVATE KEY' },
    );
  try {
    return createPrivateKey(pem);
  } catch (err) {
    throw new ApiError(`PRIVATE KEY: ${(err as Error).message}`, 'pem-invalid', {
      what: 'PRIVATE KEY',
    });
  }
}

function unusable(reason: string): never {
  throw new ApiError(
    `This certificate cannot sign Content Credentials: ${reason}`,
    'signing-certificate-unusable',
    { reason },
  );
}

/** Refuse what a C2PA validator would refuse, when the identity is set rather than at export. */
export function parseIdentity(certificatePem: string, privateKeyPem: string): Parsed {
  const chain = parseChain(certificatePem);
  const key = parseKey(privateKeyPem);
  const signer = chain[0]!;
  if (!signer.checkPrivateKey(key))
    throw new ApiError(
      "The private key does not belong to the signer's certificate",
      'signing-key-mismatch',
    );
  if (signer.ca) unusable('it is a CA certificate; give the signer’s own certificate first');
  if (signer.checkIssued(signer)) unusable('it is self-signed; C2PA wants one issued by a CA');
  const ekus = signer.keyUsage ?? [];
  if (!ekus.some((oid) => C2PA_EKUS.has(oid)))
    unusable(
      'it has none of the extended key uses C2PA accepts (emailProtection, documentSigning, c2pa-kp-claimSigning …)',
    );
  const algorithm = coseAlgorithmFor(key);
  if (!algorithm)
    unusable(`its ${key.asymmetricKeyType ?? 'unknown'} key is not one C2PA signs with`);
  return { chain, key, algorithm };
}

function viewOf(p: Parsed, keyStorage: SigningIdentity['keyStorage']): SigningIdentity {
  const [signer, ...rest] = p.chain;
  return {
    certificate: certificateInfo(signer!),
    chain: rest.map(certificateInfo),
    algorithm: p.algorithm.name,
    keyStorage,
    expired: Date.parse(signer!.validTo) < Date.now(),
  };
}

export class SigningIdentityStore {
  private readonly chainPath: string;
  private readonly keyPath: string;
  private readonly metaPath: string;

  constructor(
    dir: string,
    /** The keychain, when this front has one (the desktop app). */
    private readonly keychain: SecretStore | null,
    /** CAPTIONDESK_SIGNING_KEY: a PEM key file that overrides the stored key (the CLI on a desk machine). */
    private readonly keyFileOverride: string | null = null,
  ) {
    this.chainPath = join(dir, 'signing-chain.pem');
    this.keyPath = join(dir, 'signing-key.pem');
    this.metaPath = join(dir, 'signing-identity.json');
  }

  private async storage(): Promise<SigningIdentity['keyStorage'] | null> {
    try {
      const meta = JSON.parse(await readFile(this.metaPath, 'utf8')) as { keyStorage?: string };
      return meta.keyStorage === 'keychain' ? 'keychain' : 'file';
    } catch {
      return null;
    }
  }

  async get(): Promise<SigningIdentity | null> {
    const storage = await this.storage();
    if (!storage) return null;
    const chain = parseChain(await readFile(this.chainPath, 'utf8'));
    const [signer, ...rest] = chain;
    return {
      certificate: certificateInfo(signer!),
      chain: rest.map(certificateInfo),
      algorithm: coseAlgorithmFor(signer!.publicKey)?.name ?? 'unknown',
      keyStorage: storage,
      expired: Date.parse(signer!.validTo) < Date.now(),
    };
  }

  async set(certificatePem: string, privateKeyPem: string): Promise<SigningIdentity> {
    const parsed = parseIdentity(certificatePem, privateKeyPem);
    const keyStorage = this.keychain ? 'keychain' : 'file';
    await mkdir(join(this.chainPath, '..'), { recursive: true });
    const keyPem = parsed.key.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (this.keychain) {
      await this.keychain.set(SECRET_KEY, keyPem);
      await rm(this.keyPath, { force: true });
    } else {
      await writeFileAtomic(this.keyPath, keyPem, 0o600);
    }
    await writeFileAtomic(this.chainPath, parsed.chain.map((c) => c.toString()).join(''));
    await writeFileAtomic(this.metaPath, JSON.stringify({ keyStorage }) + '\n');
    return viewOf(parsed, keyStorage);
  }

  async clear(): Promise<void> {
    await this.keychain?.delete(SECRET_KEY);
    for (const p of [this.metaPath, this.keyPath, this.chainPath]) await rm(p, { force: true });
  }

  /** The identity ready to sign with, or null when none is set. */
  async load(): Promise<LoadedIdentity | null> {
    const storage = await this.storage();
    if (!storage) return null;
    const chainPem = await readFile(this.chainPath, 'utf8');
    let keyPem: string | null;
    if (this.keyFileOverride) keyPem = await readFile(this.keyFileOverride, 'utf8');
    else if (storage === 'file') keyPem = await readFile(this.keyPath, 'utf8');
    else if (!this.keychain)
      throw new ApiError(
        "The signing key is in the desktop app's keychain; set CAPTIONDESK_SIGNING_KEY to a PEM key file",
        'signing-key-locked',
      );
    else keyPem = await this.keychain.get(SECRET_KEY);
    if (!keyPem)
      throw new ApiError(
        'The signing key is no longer in the keychain (this system keeps secrets for one session only); set the identity again',
        'signing-identity-missing',
      );
    const parsed = parseIdentity(chainPem, keyPem);
    return { ...parsed, view: viewOf(parsed, storage) };
  }
}
