/**
 * Sign an exported photo with its own C2PA manifest (written with c2pa-ts, TrustNXT's
 * pure-TypeScript implementation). The manifest says what we did (opened the original,
 * resized it, wrote its caption), names the original as its parentOf ingredient, carries
 * the original's own manifests along byte for byte when it had them, and binds the
 * caption, byline, credit and place in a CAWG metadata assertion. It is made last, over
 * the final bytes: anything written after it would break its hash.
 */
import type { X509Certificate } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { X509Certificate as PeculiarCertificate } from '@peculiar/x509';
import { JPEG } from '@trustnxt/c2pa-ts/asset';
import {
  ActionAssertion,
  ClaimVersion,
  DataHashAssertion,
  IngredientAssertion,
  ManifestStore,
  MetadataAssertion,
  RelationshipType,
  type Manifest,
} from '@trustnxt/c2pa-ts/manifest';

import type { Credentials } from '../../contract/api';
import { manifestStoreOf } from './manifest-bytes';
import type { LoadedIdentity } from './signing-identity';

const DC = 'http://purl.org/dc/elements/1.1/';
const PHOTOSHOP = 'http://ns.adobe.com/photoshop/1.0/';
const IPTC_CORE = 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/';
const TIFF = 'http://ns.adobe.com/tiff/1.0/';
const CAMERA_CAPTURE = 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture';

/** What the manifest binds about the photo as published. */
export interface BoundMetadata {
  caption: string | null;
  byline: string | null;
  credit: string | null;
  headline: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  sublocation: string | null;
  make: string | null;
  model: string | null;
}

/** Nothing bound: a start to spread the known fields over. */
export const EMPTY_METADATA: BoundMetadata = {
  caption: null,
  byline: null,
  credit: null,
  headline: null,
  city: null,
  province: null,
  country: null,
  sublocation: null,
  make: null,
  model: null,
};

export interface Derivation {
  /** The exported file's name. */
  title: string;
  /**
   * The photo it was made from: its name, its bytes (for its manifest), and how that
   * validated. Null for a photo signed where it was made (a camera's c2pa.created).
   */
  parent: { title: string; format: string; bytes: Uint8Array; credentials: Credentials } | null;
  /** Each step we took, in words a desk reads ("Thu nhỏ còn 2048 px"). */
  actions: { action: string; description: string }[];
  metadata: BoundMetadata;
  softwareAgent: { name: string; version: string };
}

/** The identity as c2pa-ts signs with it: the chain as it takes certificates, Node's crypto to sign. */
export function coseSignerFor(identity: LoadedIdentity) {
  const peculiar = (c: X509Certificate) => new PeculiarCertificate(new Uint8Array(c.raw));
  return {
    algorithm: identity.algorithm.id,
    certificate: peculiar(identity.chain[0]!),
    chainCertificates: identity.chain.slice(1).map(peculiar),
    sign: async (payload: Uint8Array) =>
      new Uint8Array(identity.algorithm.sign(payload, identity.key)),
  };
}

function metadataAssertion(m: BoundMetadata): MetadataAssertion {
  const meta = new MetadataAssertion();
  meta.label = 'cawg.metadata';
  const put = (namespace: string, name: string, value: string | string[] | null) => {
    if (value === null || value.length === 0) return;
    meta.entries.push({
      namespace,
      name,
      value: Array.isArray(value) ? value.map((v) => v.normalize('NFC')) : value.normalize('NFC'),
    });
  };
  put(DC, 'description', m.caption);
  put(DC, 'creator', m.byline ? [m.byline] : null);
  put(PHOTOSHOP, 'Credit', m.credit);
  put(PHOTOSHOP, 'Headline', m.headline);
  put(PHOTOSHOP, 'City', m.city);
  put(PHOTOSHOP, 'State', m.province);
  put(PHOTOSHOP, 'Country', m.country);
  put(IPTC_CORE, 'Location', m.sublocation);
  put(TIFF, 'Make', m.make);
  put(TIFF, 'Model', m.model);
  return meta;
}

/** The parent's validation as the ingredient records it (C2PA 2.1 ingredient v3). */
function validationResults(c: Credentials) {
  const failure = c.problems.map((p) => ({
    code: p.code,
    ...(p.explanation ? { explanation: p.explanation } : {}),
  }));
  const success =
    c.state === 'trusted' || c.state === 'untrusted' ? [{ code: 'claimSignature.validated' }] : [];
  // c2pa-ts types codes as its own enum; these are c2pa-rs's strings, which are the spec's.
  return {
    activeManifest: { success, informational: [], failure },
  } as unknown as IngredientAssertion['validationResults'];
}

function parentIngredient(
  manifest: Manifest,
  parent: NonNullable<Derivation['parent']>,
  parentLabel: string | null,
) {
  const ing = IngredientAssertion.createV3(RelationshipType.ParentOf);
  ing.title = parent.title.normalize('NFC');
  ing.format = parent.format;
  ing.instanceID = `xmp:iid:${randomUUID()}`;
  if (parentLabel) {
    ing.activeManifest = manifest.createHashedReference(`/c2pa/${parentLabel}`);
    ing.claimSignature = manifest.createHashedReference(`/c2pa/${parentLabel}/c2pa.signature`);
    ing.validationResults = validationResults(parent.credentials);
  }
  return ing;
}

export interface SignedDerivative {
  data: Buffer;
  /** The new active manifest's label (urn:c2pa:…). */
  manifest: string;
}

export async function signDerivative(
  jpeg: Uint8Array,
  identity: LoadedIdentity,
  d: Derivation,
): Promise<SignedDerivative> {
  const signer = coseSignerFor(identity);
  // The parent's manifests come along untouched (c2pa-ts keeps the bytes it read), so the
  // ingredient's hashes of them still hold in our file.
  const parentStore =
    !d.parent || d.parent.credentials.state === 'none' ? null : manifestStoreOf(d.parent.bytes);
  const parentLabel = parentStore?.getActiveManifest()?.label ?? null;
  const store = parentStore ?? new ManifestStore();
  const manifest = store.createManifest({
    claimVersion: ClaimVersion.V2,
    assetFormat: 'image/jpeg',
    instanceID: `xmp:iid:${randomUUID()}`,
    defaultHashAlgorithm: 'SHA-256',
    signer,
  });
  if (manifest.claim) {
    manifest.claim.title = d.title.normalize('NFC');
    manifest.claim.claimGeneratorName = d.softwareAgent.name;
    manifest.claim.claimGeneratorVersion = d.softwareAgent.version;
  }
  const actions = new ActionAssertion();
  const when = new Date().toISOString();
  if (d.parent) {
    const ingredient = parentIngredient(manifest, d.parent, parentLabel);
    manifest.addAssertion(ingredient);
    // With a parentOf ingredient, C2PA wants c2pa.opened first, pointing at it.
    actions.actions.push({
      action: 'c2pa.opened',
      parameters: { ingredients: [manifest.createAssertionReference(ingredient)] },
    } as never);
  } else {
    actions.actions.push({
      action: 'c2pa.created',
      digitalSourceType: CAMERA_CAPTURE,
      when,
    } as never);
  }
  for (const a of d.actions)
    actions.actions.push({
      action: a.action,
      description: a.description.normalize('NFC'),
      when,
    } as never);
  manifest.addAssertion(actions);
  manifest.addAssertion(metadataAssertion(d.metadata));
  const hash = DataHashAssertion.create('SHA-256');
  manifest.addAssertion(hash);

  const asset = new JPEG(new Uint8Array(jpeg));
  await asset.ensureManifestSpace(store.measureSize());
  await hash.updateWithAsset(asset);
  await manifest.sign(signer);
  await asset.writeManifestJUMBF(store.getBytes());
  return { data: Buffer.from(await asset.getDataRange()), manifest: manifest.label! };
}
