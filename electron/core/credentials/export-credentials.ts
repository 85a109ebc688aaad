/**
 * Content Credentials for one exported photo: the original's state, read before export,
 * and, with a signing identity, the export's own manifest naming the original as its
 * parent. What the package manifest records about both.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { signerLabel } from '../../../common/credentials/verdict';
import type { Credentials } from '../../contract/api';
import type { ManifestPhoto } from '../../contract/package-manifest';
import type { EmbedFields } from '../metadata/embed';
import { signDerivative, type BoundMetadata, type Derivation } from './sign-derivative';
import type { LoadedIdentity } from './signing-identity';
import { inspectBytes } from './inspect';
import type { LoadedTrust } from './trust-list';

export type PhotoCredentials = NonNullable<ManifestPhoto['credentials']>;

export interface Signing {
  /** Null: exports are unsigned derivatives, and the package says so. */
  identity: LoadedIdentity | null;
  trust: LoadedTrust;
  /**
   * The original's credentials, validated (cached across builds). `carries`: the scan's
   * word on whether it has a manifest at all; a photo without one is not read again.
   */
  source(path: string, carries: boolean): Promise<Credentials>;
  softwareAgent: { name: string; version: string };
}

const one = (v: string | string[] | undefined): string | null =>
  (Array.isArray(v) ? v[0] : v)?.trim() || null;

export function boundMetadata(
  f: EmbedFields,
  camera: { make: string | null; model: string | null },
): BoundMetadata {
  const r = f as Record<string, string | string[] | undefined>;
  return {
    caption: one(r.caption),
    byline: one(r.byline),
    credit: one(r.credit),
    headline: one(r.headline),
    city: one(r.city),
    province: one(r.province),
    country: one(r.country),
    sublocation: one(r.location),
    make: camera.make,
    model: camera.model,
  };
}

const MIME: Record<string, string> = {
  JPEG: 'image/jpeg',
  HEIC: 'image/heic',
  PNG: 'image/png',
  TIFF: 'image/tiff',
};

export interface ExportFacts {
  /** The original on disk, its format ("JPEG", "HEIC" …), and whether the scan saw a manifest in it. */
  sourcePath: string;
  sourceFormat: string;
  sourceCarries: boolean;
  /** The exported file's name in the package. */
  title: string;
  fields: EmbedFields;
  camera: { make: string | null; model: string | null };
  /** What was done, for the manifest's actions. */
  longEdge: number;
  quality: number;
}

function actionsFor(f: ExportFacts): Derivation['actions'] {
  return [
    ...(f.sourceFormat !== 'JPEG'
      ? [{ action: 'c2pa.transcoded', description: `${f.sourceFormat} → JPEG` }]
      : []),
    {
      action: 'c2pa.resized',
      description: `Cỡ web: cạnh dài tối đa ${f.longEdge} px, JPEG chất lượng ${f.quality}, sRGB`,
    },
    {
      action: 'c2pa.edited.metadata',
      description: 'Ghi chú thích, tác giả, nguồn, địa điểm (IPTC/XMP) và dữ liệu EXIF',
    },
  ];
}

/** Sign the export when an identity is set; either way, say what it carries. */
export async function credentialsForExport(
  jpeg: Buffer,
  facts: ExportFacts,
  signing: Signing,
): Promise<{ data: Buffer; record: PhotoCredentials }> {
  const source = await signing.source(facts.sourcePath, facts.sourceCarries);
  const sourceRecord = {
    state: source.state,
    manifest: source.manifest,
    signer: signerLabel(source.signer),
  };
  if (!signing.identity)
    return {
      data: jpeg,
      record: { signed: false, state: 'none', manifest: null, signer: null, source: sourceRecord },
    };
  const signed = await signDerivative(jpeg, signing.identity, {
    title: facts.title,
    parent: {
      title: basename(facts.sourcePath),
      format: MIME[facts.sourceFormat] ?? 'application/octet-stream',
      // Only a store is carried over, so only a file that has one is read whole again.
      bytes: source.state === 'none' ? new Uint8Array() : await readFile(facts.sourcePath),
      credentials: source,
    },
    actions: actionsFor(facts),
    metadata: boundMetadata(facts.fields, facts.camera),
    softwareAgent: signing.softwareAgent,
  });
  const state = await inspectBytes(facts.title, signed.data, signing.trust);
  return {
    data: signed.data,
    record: {
      signed: true,
      state: state.state,
      manifest: signed.manifest,
      signer: signerLabel(state.signer),
      source: sourceRecord,
    },
  };
}

export function packageStatement(identity: LoadedIdentity | null) {
  if (!identity)
    return {
      signed: false,
      signer: null,
      statement:
        'The photos are unsigned derivatives: they carry no Content Credentials of their own. The originals’ credentials, where they had any, are recorded per photo but not carried.',
    };
  const signer = identity.view.certificate.subject;
  return {
    signed: true,
    signer,
    statement: `Each photo carries its own C2PA Content Credentials, signed by ${signer}, naming its camera original as its parentOf ingredient (with the original’s own manifest when it had one).`,
  };
}
