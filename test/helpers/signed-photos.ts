/** Photos signed with the test PKI, as a C2PA camera or an earlier desk would have. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { EMPTY_METADATA, signDerivative } from '../../electron/core/credentials/sign-derivative';
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

/** A HEIC signed as a phone that makes Content Credentials would: a BMFF hash, c2pa.created. */
export async function heicSigned(fixture: string, signer: TestSigner): Promise<Buffer> {
  const { BMFF } = await import('@trustnxt/c2pa-ts/asset');
  const { ActionAssertion, BMFFHashAssertion, ClaimVersion, ManifestStore } =
    await import('@trustnxt/c2pa-ts/manifest');
  const { X509Certificate } = await import('@peculiar/x509');
  const identity = identityOf(signer);
  const cose = {
    algorithm: identity.algorithm.id,
    certificate: new X509Certificate(new Uint8Array(identity.chain[0]!.raw)),
    chainCertificates: identity.chain
      .slice(1)
      .map((c) => new X509Certificate(new Uint8Array(c.raw))),
    sign: async (p: Uint8Array) => new Uint8Array(identity.algorithm.sign(p, identity.key)),
  };
  const asset = new BMFF(new Uint8Array(await readFile(join(FIXTURES, fixture))));
  const store = new ManifestStore();
  const manifest = store.createManifest({
    claimVersion: ClaimVersion.V2,
    assetFormat: 'image/heic',
    instanceID: `xmp:iid:${fixture}`,
    defaultHashAlgorithm: 'SHA-256',
    signer: cose,
  });
  const actions = new ActionAssertion();
  actions.actions.push({
    action: 'c2pa.created',
    digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
  } as never);
  manifest.addAssertion(actions);
  const hash = BMFFHashAssertion.createV3('jumbf manifest', 'SHA-256');
  manifest.addAssertion(hash);
  await asset.ensureManifestSpace(store.measureSize());
  await hash.updateWithAsset(asset);
  await manifest.sign(cose);
  await asset.writeManifestJUMBF(store.getBytes());
  return Buffer.from(await asset.getDataRange());
}
