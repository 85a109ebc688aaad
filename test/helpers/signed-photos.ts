/** Photos signed with the test PKI, as a C2PA camera or an earlier desk would have. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
  coseSignerFor,
  EMPTY_METADATA,
  signDerivative,
} from '../../electron/core/credentials/sign-derivative';
import { parseIdentity } from '../../electron/core/credentials/signing-identity';
import { certificateInfo } from '../../electron/core/credentials/certificate-info';
import type { TestSigner } from './c2pa-pki';
import { FIXTURES } from './fixtures';

/** Nothing bound (the core's own empty start). */
export const NO_METADATA = EMPTY_METADATA;

export function identityOf(s: TestSigner) {
  const parsed = parseIdentity(s.chainPem, s.keyPem);
  return {
    ...parsed,
    view: {
      certificate: certificateInfo(parsed.chain[0]!),
      chain: [],
      algorithm: parsed.algorithm.name,
      keyStorage: 'file' as const,
      expired: false,
    },
  };
}

/** A fixture signed as the camera made it: c2pa.created, the camera bound, no ingredient. */
export async function cameraSigned(
  fixture: string,
  signer: TestSigner,
  camera = 'Leica M11-P',
): Promise<Buffer> {
  const bytes = await readFile(join(FIXTURES, fixture));
  const [make, ...model] = camera.split(' ');
  const signed = await signDerivative(bytes, identityOf(signer), {
    title: fixture,
    parent: null,
    actions: [],
    metadata: { ...NO_METADATA, make: make!, model: model.join(' ') },
    softwareAgent: { name: camera, version: '2.0.1' },
  });
  return signed.data;
}

/** The offset of the first byte of entropy-coded image data (after SOS's header). */
export function imageDataOffset(jpeg: Buffer): number {
  let pos = 2;
  while (pos < jpeg.length) {
    const marker = jpeg[pos + 1]!;
    const len = jpeg.readUInt16BE(pos + 2);
    if (marker === 0xda) return pos + 2 + len;
    pos += 2 + len;
  }
  throw new Error('no SOS');
}

/**
 * A file signed where it was made (c2pa.created), the way a phone or an image generator
 * that writes Content Credentials would: `kind` picks the container and its hard binding.
 */
async function signedAsMade(
  fixture: string,
  signer: TestSigner,
  kind: 'heic' | 'png',
  digitalSourceType: string,
): Promise<Buffer> {
  const { BMFF, PNG } = await import('@trustnxt/c2pa-ts/asset');
  const { ActionAssertion, BMFFHashAssertion, ClaimVersion, DataHashAssertion, ManifestStore } =
    await import('@trustnxt/c2pa-ts/manifest');
  const cose = coseSignerFor(identityOf(signer));
  const bytes = new Uint8Array(await readFile(join(FIXTURES, fixture)));
  const asset = kind === 'heic' ? new BMFF(bytes) : new PNG(bytes);
  const store = new ManifestStore();
  const manifest = store.createManifest({
    claimVersion: ClaimVersion.V2,
    assetFormat: kind === 'heic' ? 'image/heic' : 'image/png',
    instanceID: `xmp:iid:${fixture}`,
    defaultHashAlgorithm: 'SHA-256',
    signer: cose,
  });
  const actions = new ActionAssertion();
  actions.actions.push({ action: 'c2pa.created', digitalSourceType } as never);
  manifest.addAssertion(actions);
  const hash =
    kind === 'heic'
      ? BMFFHashAssertion.createV3('jumbf manifest', 'SHA-256')
      : DataHashAssertion.create('SHA-256');
  manifest.addAssertion(hash);
  await asset.ensureManifestSpace(store.measureSize());
  await hash.updateWithAsset(asset);
  await manifest.sign(cose);
  await asset.writeManifestJUMBF(store.getBytes());
  return Buffer.from(await asset.getDataRange());
}

const IPTC_SOURCE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** A HEIC as a phone that makes Content Credentials would sign it: a BMFF hash. */
export const heicSigned = (fixture: string, signer: TestSigner) =>
  signedAsMade(fixture, signer, 'heic', `${IPTC_SOURCE}digitalCapture`);

/** A PNG as an image generator would sign it: a caBX chunk, trainedAlgorithmicMedia. */
export const pngSigned = (fixture: string, signer: TestSigner) =>
  signedAsMade(fixture, signer, 'png', `${IPTC_SOURCE}trainedAlgorithmicMedia`);
