/**
 * Content Credentials (C2PA): what a photo's manifest says and whether it holds, the
 * trust list it is judged against, and the identity our exports are signed with.
 */
import { z } from 'zod';

import { fileName, folderPath, method, reads } from './kit';

/**
 * none: no manifest. trusted / untrusted: signature and hashes hold; the signer chains
 * to the trust list, or not. broken: the content changed after signing, or the manifest
 * is corrupt. revoked / expired: the signing certificate was, as far as can be known offline.
 */
export const credentialsStateSchema = z.enum([
  'none',
  'trusted',
  'untrusted',
  'broken',
  'revoked',
  'expired',
]);
export type CredentialsState = z.output<typeof credentialsStateSchema>;

const statusSchema = z.object({ code: z.string(), explanation: z.string().nullable() });

const signerSchema = z.object({
  /** The certificate's common name. */
  name: z.string().nullable(),
  /** Its organization. */
  organization: z.string().nullable(),
  /** Who issued the certificate (the CA's common name), when the chain says. */
  issuer: z.string().nullable(),
  serial: z.string().nullable(),
});

const actionSchema = z.object({
  action: z.string(),
  description: z.string().nullable(),
  softwareAgent: z.string().nullable(),
  when: z.string().nullable(),
  digitalSourceType: z.string().nullable(),
});

/** One link of the ingredient chain, nearest first (depth 1: this photo's own ingredients). */
const ingredientSchema = z.object({
  depth: z.number().int(),
  title: z.string().nullable(),
  format: z.string().nullable(),
  relationship: z.string(),
  /** The ingredient carried its own manifest, kept in this file's store. */
  hasManifest: z.boolean(),
  signer: signerSchema.nullable(),
  signedAt: z.string().nullable(),
  generator: z.string().nullable(),
  /** Failures the signer recorded for it, or that validating it found. */
  problems: z.array(statusSchema),
});

export const credentialsSchema = z.object({
  file: z.string(),
  state: credentialsStateSchema,
  /** The active manifest's label (urn:c2pa:…), or null. */
  manifest: z.string().nullable(),
  signer: signerSchema.nullable(),
  /** When it was signed: the trusted timestamp's time, else the signer's own claim. */
  signedAt: z.string().nullable(),
  /** The app or camera firmware that made the manifest ("Leica M11-P 2.0.1"). */
  generator: z.string().nullable(),
  /** Camera make and model, when an assertion states them. */
  camera: z.string().nullable(),
  actions: z.array(actionSchema),
  ingredients: z.array(ingredientSchema),
  /** What failed, from the validator's status codes (empty when it holds). */
  problems: z.array(statusSchema),
  /** When a certificate revocation list in the trust list revoked the signer. */
  revokedAt: z.string().nullable(),
  /** The file could not be read at all (gone, unreadable). */
  error: z.string().nullable(),
});
export type Credentials = z.output<typeof credentialsSchema>;

const certificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 of the DER, hex. */
  fingerprint: z.string(),
});

export const trustListSchema = z.object({
  /** The PEM bundle as saved: certificates, and revocation lists if any. */
  pem: z.string(),
  certificates: z.array(certificateSchema),
  crls: z.array(
    z.object({ issuer: z.string(), thisUpdate: z.string(), revoked: z.number().int() }),
  ),
});
export type TrustList = z.output<typeof trustListSchema>;

export const signingIdentitySchema = z.object({
  certificate: certificateSchema,
  /** The chain after the signer's own certificate, toward the root. */
  chain: z.array(certificateSchema),
  /** The COSE algorithm the key signs with (ES256, ES384, ES512, PS256, Ed25519). */
  algorithm: z.string(),
  /**
   * keychain: encrypted with the OS keychain (Electron safeStorage). file: a file only this
   * user account can read (browser mode and the CLI, which have no keychain).
   */
  keyStorage: z.enum(['keychain', 'file']),
  expired: z.boolean(),
});
export type SigningIdentity = z.output<typeof signingIdentitySchema>;

const pemText = z.string().max(4 * 1024 * 1024);

export const credentialsContract = {
  credentials: method(
    z.object({ folder: folderPath, files: z.array(fileName).max(10000) }),
    z.array(credentialsSchema),
    'Content Credentials (C2PA) of photos in a folder: state, signer, actions and ingredients.',
    reads,
  ),
  getTrustList: method(
    z.object({}),
    trustListSchema,
    'The certificates (and revocation lists) Content Credentials are trusted by.',
    reads,
  ),
  setTrustList: method(
    z.object({ pem: pemText }),
    trustListSchema,
    'Replace the trust list with a PEM bundle (empty: trust no one).',
    { writes: 'credentials' },
  ),
  getSigningIdentity: method(
    z.object({}),
    signingIdentitySchema.nullable(),
    'The identity exported photos are signed with, or null when none is set.',
    reads,
  ),
  setSigningIdentity: method(
    z.object({ certificatePem: pemText, privateKeyPem: pemText }),
    signingIdentitySchema,
    'Set the signing identity: the certificate chain (signer first) and its private key, in PEM.',
    { writes: 'credentials' },
  ),
  clearSigningIdentity: method(
    z.object({}),
    z.null(),
    'Forget the signing identity (its key included).',
    { writes: 'credentials' },
  ),
} as const;
