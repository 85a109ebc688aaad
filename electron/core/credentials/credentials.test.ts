import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JPEG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore } from '@trustnxt/c2pa-ts/manifest';

import { makeTestPki, type TestPki } from '../../../test/helpers/c2pa-pki';
import { FIXTURES, tempDir } from '../../../test/helpers/fixtures';
import {
  cameraSigned,
  heicSigned,
  pngSigned,
  identityOf,
  imageDataOffset,
  NO_METADATA,
} from '../../../test/helpers/signed-photos';
import { readPhoto } from '../metadata/read-photo';
import { inspectBytes } from './inspect';
import { signDerivative } from './sign-derivative';
import { parseTrust } from './trust-list';

const FIXTURE = 'iptc-reference-nikon-d2x.jpg';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki(join(await tempDir('captiondesk-pki-'), 'pki'));
}, 30_000);

const trusting = () => parseTrust(pki.caPem);

describe('Content Credentials states (validated by c2pa-rs)', () => {
  it('a photo without a manifest has none', async () => {
    const c = await inspectBytes(FIXTURE, await readFile(join(FIXTURES, FIXTURE)), trusting());
    expect(c.state).toBe('none');
    expect(c.manifest).toBeNull();
  });

  it('a signer the trust list holds is trusted, and named', async () => {
    const signed = await cameraSigned(FIXTURE, pki.signer);
    const c = await inspectBytes('a.jpg', signed, trusting());
    expect(c.state).toBe('trusted');
    expect(c.signer).toMatchObject({
      name: 'Phóng viên Lê Đức',
      organization: 'Báo Lào Cai',
      issuer: 'Báo Lào Cai Test CA',
    });
    expect(c.camera).toBe('Leica M11-P');
    expect(c.generator).toBe('Leica M11-P 2.0.1');
    expect(c.actions.map((a) => a.action)).toEqual(['c2pa.created']);
    expect(c.problems).toEqual([]);
  });

  it('the same file with an empty trust list is valid but untrusted', async () => {
    const c = await inspectBytes('a.jpg', await cameraSigned(FIXTURE, pki.signer), parseTrust(''));
    expect(c.state).toBe('untrusted');
  });

  it('a signer outside the trust list is untrusted', async () => {
    const c = await inspectBytes('a.jpg', await cameraSigned(FIXTURE, pki.outsider), trusting());
    expect(c.state).toBe('untrusted');
    expect(c.signer?.name).toBe('Unknown Signer');
  });

  it('one byte of image data changed after signing breaks it', async () => {
    const signed = await cameraSigned(FIXTURE, pki.signer);
    const at = imageDataOffset(signed) + 200;
    signed[at] = signed[at]! ^ 0x01;
    const c = await inspectBytes('a.jpg', signed, trusting());
    expect(c.state).toBe('broken');
    expect(c.problems.map((p) => p.code)).toContain('assertion.dataHash.mismatch');
  });

  it('a corrupt manifest is broken, with the reason', async () => {
    const signed = await cameraSigned(FIXTURE, pki.signer);
    // Overwrite bytes inside the claim's CBOR (well inside the first APP11 segment).
    const app11 = signed.indexOf(Buffer.from('c2pa.claim', 'latin1'));
    expect(app11).toBeGreaterThan(0);
    signed.fill(0xee, app11 + 40, app11 + 120);
    const c = await inspectBytes('a.jpg', signed, trusting());
    expect(c.state).toBe('broken');
    expect(c.problems.length).toBeGreaterThan(0);
  });

  it('an expired signing certificate reads as expired', async () => {
    const c = await inspectBytes('a.jpg', await cameraSigned(FIXTURE, pki.expired), trusting());
    expect(c.state).toBe('expired');
    expect(c.problems.map((p) => p.code)).toContain('signingCredential.expired');
  });

  it('a signer the trust list’s CRL revokes reads as revoked; without the CRL it is trusted', async () => {
    const signed = await cameraSigned(FIXTURE, pki.revoked);
    const withCrl = await inspectBytes('a.jpg', signed, parseTrust(pki.caPem + pki.crlPem));
    expect(withCrl.state).toBe('revoked');
    expect(withCrl.revokedAt).toMatch(/^\d{4}-/);
    expect((await inspectBytes('a.jpg', signed, trusting())).state).toBe('trusted');
  });
});

describe('HEIC (ISOBMFF)', () => {
  it('a signed HEIC is found by the scan and validated; a changed byte breaks it', async () => {
    const dir = await tempDir('captiondesk-heic-');
    const signed = await heicSigned('iphone-xr-orient6-gps.heic', pki.signer);
    await writeFile(join(dir, 'IMG_0001.HEIC'), signed);
    expect((await readPhoto(join(dir, 'IMG_0001.HEIC'), 'IMG_0001.HEIC')).credentials).toBe(true);
    expect(
      (await readPhoto(join(FIXTURES, 'iphone-xr-orient6-gps.heic'), 'x.heic')).credentials,
    ).toBe(false);
    const c = await inspectBytes('IMG_0001.HEIC', signed, trusting());
    expect(c.state).toBe('trusted');
    expect(c.actions.map((a) => a.action)).toEqual(['c2pa.created']);
    // The last bytes are image data (mdat) the BMFF hash covers.
    const changed = Buffer.from(signed);
    changed[changed.length - 100] = changed[changed.length - 100]! ^ 0x01;
    expect((await inspectBytes('IMG_0001.HEIC', changed, trusting())).state).toBe('broken');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('PNG', () => {
  it('a signed PNG (an image generator’s) is found by the scan and validated', async () => {
    const dir = await tempDir('captiondesk-png-');
    const signed = await pngSigned('macos-screenshot.png', pki.signer);
    await writeFile(join(dir, 'ai.png'), signed);
    expect((await readPhoto(join(dir, 'ai.png'), 'ai.png')).credentials).toBe(true);
    expect((await readPhoto(join(FIXTURES, 'macos-screenshot.png'), 'x.png')).credentials).toBe(
      false,
    );
    const c = await inspectBytes('ai.png', signed, trusting());
    expect(c.state).toBe('trusted');
    expect(c.actions[0]?.digitalSourceType).toMatch(/trainedAlgorithmicMedia$/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('signing a derivative', () => {
  it('records the signed original as a parentOf ingredient with its own manifest; both libraries agree', async () => {
    const original = await cameraSigned(FIXTURE, pki.outsider);
    const originalState = await inspectBytes(FIXTURE, original, trusting());
    const { data: derived } = await signDerivative(original, identityOf(pki.signer), {
      title: 'laocai-001.jpg',
      parent: {
        title: 'DSC-2403.JPG',
        format: 'image/jpeg',
        bytes: original,
        credentials: originalState,
      },
      actions: [{ action: 'c2pa.edited.metadata', description: 'Chú thích' }],
      metadata: { ...NO_METADATA, caption: 'Công nhân nhận quà Tết.'.normalize('NFD') },
      softwareAgent: { name: 'CaptionDesk', version: '0.1.0' },
    });
    const c = await inspectBytes('laocai-001.jpg', derived, trusting());
    expect(c.state).toBe('trusted');
    expect(c.actions.map((a) => a.action)).toEqual(['c2pa.opened', 'c2pa.edited.metadata']);
    expect(c.ingredients).toEqual([
      expect.objectContaining({
        depth: 1,
        title: 'DSC-2403.JPG',
        relationship: 'parentOf',
        hasManifest: true,
        signer: expect.objectContaining({ name: 'Unknown Signer' }),
      }),
    ]);
    // The writer's own library validates it too.
    const asset = new JPEG(new Uint8Array(derived));
    const store = ManifestStore.read(
      SuperBox.fromBuffer(new Uint8Array(asset.getManifestJUMBF()!)),
    );
    const result = await store.validate(asset);
    expect(result.statusEntries.filter((e) => !e.success)).toEqual([]);
  });
});
