/** Which COSE algorithm a key signs with, and how Node makes that signature. */
import { sign as nodeSign, type KeyObject } from 'node:crypto';

export interface CoseAlgorithm {
  name: 'ES256' | 'ES384' | 'ES512' | 'PS256' | 'Ed25519';
  /** COSE's number for it (RFC 9053). */
  id: number;
  sign(payload: Uint8Array, key: KeyObject): Uint8Array;
}

// COSE wants ECDSA signatures as r|s (IEEE P1363), not DER: c2pa-rs refuses DER.
const ecdsa = (name: CoseAlgorithm['name'], id: number, hash: string): CoseAlgorithm => ({
  name,
  id,
  sign: (payload, key) => nodeSign(hash, payload, { key, dsaEncoding: 'ieee-p1363' }),
});

const ALGORITHMS = {
  prime256v1: ecdsa('ES256', -7, 'sha256'),
  secp384r1: ecdsa('ES384', -35, 'sha384'),
  secp521r1: ecdsa('ES512', -36, 'sha512'),
  // C2PA allows RSA only with PSS padding.
  rsa: {
    name: 'PS256',
    id: -37,
    sign: (payload: Uint8Array, key: KeyObject) =>
      nodeSign('sha256', payload, { key, padding: 2 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }),
  },
  ed25519: {
    name: 'Ed25519',
    id: -8,
    sign: (payload: Uint8Array, key: KeyObject) => nodeSign(null, payload, key),
  },
} satisfies Record<string, CoseAlgorithm>;

/** For a private or a public key (to describe a stored chain without opening its key). */
export function coseAlgorithmFor(key: KeyObject): CoseAlgorithm | null {
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve && curve in ALGORITHMS ? ALGORITHMS[curve as 'prime256v1'] : null;
  }
  if (type === 'rsa' || type === 'rsa-pss') return ALGORITHMS.rsa;
  if (type === 'ed25519') return ALGORITHMS.ed25519;
  return null;
}
