/**
 * Issue 13's round trip, through the real core and a real package: a camera-signed original
 * is captioned, rated and packaged with signing on. The export validates (c2pa-rs, and
 * c2pa-ts, the library that wrote it), names the original's manifest as its parentOf
 * ingredient, and binds the caption exactly, in NFC. The original's bytes and its own
 * validation state are unchanged. Without an identity the package says its photos are
 * unsigned derivatives. A review's caption edit re-signs, or is reported broken.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JPEG } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore } from '@trustnxt/c2pa-ts/manifest';

import type { Core } from '../electron/core/app-core-types';
import type { Manifest } from '../electron/contract/package-manifest';
import { readManifestStore } from '../electron/core/credentials/c2pa-reader';
import { inspectBytes } from '../electron/core/credentials/inspect';
import { parseTrust } from '../electron/core/credentials/trust-list';
import { verifyPackage } from '../electron/core/package/verify';
import { openZip } from '../electron/core/zip';
import { makeTestPki, type TestPki } from './helpers/c2pa-pki';
import { coreIn } from './helpers/fixture-core';
import { copyFixtures, tempDir } from './helpers/fixtures';
import { validateWarnings } from './helpers/exiftool';
import { runCli } from './helpers/run-cli';
import { cameraSigned } from './helpers/signed-photos';

const ORIGINAL = 'DSC-2403.JPG';
const PLAIN = 'fujifilm-s2pro-iptc-caption.jpg';
// Typed on a Mac: decomposed. What the manifest binds must be NFC.
const CAPTION = 'Đoàn viên công đoàn nhận quà Tết tại TP Lào Cai, ngày 26/12/2024.'.normalize(
  'NFD',
);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function zipMembers(path: string) {
  const zip = await openZip(path);
  try {
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const photos = new Map<string, Buffer>();
    for (const p of manifest.photos) photos.set(p.source.file, await zip.read(p.file));
    return { manifest, photos, html: (await zip.read('article.html')).toString('utf8') };
  } finally {
    await zip.close();
  }
}

describe('Content Credentials through a package', () => {
  let pki: TestPki;
  let dir: string;
  let state: string;
  let core: Core;
  let articleId: string;
  let originalBytes: Buffer;
  let originalLabel: string;

  beforeAll(async () => {
    state = await tempDir();
    pki = await makeTestPki(join(state, 'pki'));
    dir = await copyFixtures([PLAIN]);
    originalBytes = await cameraSigned('iptc-reference-nikon-d2x.jpg', pki.signer);
    await writeFile(join(dir, ORIGINAL), originalBytes);
    originalLabel = (await inspectBytes(ORIGINAL, originalBytes, parseTrust(pki.caPem))).manifest!;
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
    await core.api.setTrustList({ pem: pki.caPem });
    await core.api.setCaption({ folder: dir, file: ORIGINAL, text: CAPTION });
    await core.api.setCulling({
      folder: dir,
      changes: [{ file: ORIGINAL, culling: { rating: 5 } }],
    });
    const article = await core.api.importArticle({
      folder: dir,
      structure: {
        headline: 'Quà Tết cho công nhân',
        sapo: 'Công đoàn tỉnh trao quà.',
        body: [
          { type: 'photo', source: ORIGINAL, caption: CAPTION },
          { type: 'photo', source: PLAIN, caption: 'Ảnh thứ hai.' },
        ],
      },
    });
    articleId = article.id;
  }, 60_000);
  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('the scan notes which photos carry credentials, and the core validates them', async () => {
    const photos = await core.api.listPhotos({ folder: dir });
    expect(Object.fromEntries(photos.map((p) => [p.file, p.credentials]))).toEqual({
      [ORIGINAL]: true,
      [PLAIN]: false,
    });
    const [signed, plain] = await core.api.credentials({ folder: dir, files: [ORIGINAL, PLAIN] });
    expect(signed).toMatchObject({
      state: 'trusted',
      camera: 'Leica M11-P',
      signer: { name: 'Phóng viên Lê Đức' },
    });
    expect(plain!.state).toBe('none');
  });

  it('the checks before packaging name an original whose credentials are broken', async () => {
    const broken = Buffer.from(originalBytes);
    broken[broken.length - 400] = broken[broken.length - 400]! ^ 0x01;
    await writeFile(join(dir, 'DSC-2404.JPG'), broken);
    await expect
      .poll(
        async () =>
          (await core.api.listPhotos({ folder: dir })).some((p) => p.file === 'DSC-2404.JPG'),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const article = await core.api.importArticle({
      folder: dir,
      structure: {
        headline: 'Ảnh hỏng chữ ký',
        sapo: 'Kiểm tra.',
        body: [
          { type: 'photo', source: 'DSC-2404.JPG', caption: 'Ảnh đã bị sửa sau khi ký.' },
          { type: 'photo', source: ORIGINAL, caption: CAPTION },
        ],
      },
    });
    const issues = await core.api.articleChecks({ folder: dir, id: article.id });
    expect(issues.filter((i) => i.code === 'credentialsBroken')).toEqual([
      expect.objectContaining({ file: 'DSC-2404.JPG', detail: { state: 'broken' } }),
    ]);
    await core.api.deleteArticle({ folder: dir, id: article.id });
    await rm(join(dir, 'DSC-2404.JPG'));
  });

  it('ingest copies a signed photo byte for byte: its credentials hold in the copy', async () => {
    const card = join(state, 'card');
    await mkdir(join(card, 'DCIM', '100LEICA'), { recursive: true });
    await writeFile(join(card, 'DCIM', '100LEICA', 'L1000001.JPG'), originalBytes);
    const to = join(state, 'ingested');
    const r = await core.api.ingest({ sources: [card], to });
    expect(r.failed).toBe(0);
    const landed = r.files[0]!;
    expect(landed.sha256).toBe(sha(originalBytes));
    expect(sha(await readFile(join(to, landed.dest!)))).toBe(sha(originalBytes));
    await core.api.openFolder({ path: to });
    const [c] = await core.api.credentials({ folder: to, files: [basename(landed.dest!)] });
    expect(c).toMatchObject({ state: 'trusted', manifest: originalLabel });
  });

  it('without a signing identity the package says its photos are unsigned derivatives', async () => {
    const built = await core.api.buildPackage({ folder: dir, articleId, outlet: 'baolaocai' });
    expect(built.credentials).toMatchObject({ signed: false });
    const { manifest, photos, html } = await zipMembers(built.path);
    expect(manifest.credentials?.statement).toMatch(/unsigned derivatives/);
    expect(html).toContain('bản phái sinh chưa ký');
    expect(manifest.photos.find((p) => p.source.file === ORIGINAL)?.credentials).toEqual({
      signed: false,
      state: 'none',
      manifest: null,
      signer: null,
      source: {
        state: 'trusted',
        manifest: originalLabel,
        signer: 'Phóng viên Lê Đức, Báo Lào Cai',
      },
    });
    expect((await inspectBytes('x.jpg', photos.get(ORIGINAL)!, parseTrust(pki.caPem))).state).toBe(
      'none',
    );
    await expect(
      core.api.buildPackage({ folder: dir, articleId, outlet: 'baolaocai', sign: true }),
    ).rejects.toMatchObject({
      code: 'signing-identity-missing',
    });
  });

  describe('with a signing identity', () => {
    let path: string;
    let manifest: Manifest;
    let exported: Buffer;

    beforeAll(async () => {
      const identity = await core.api.setSigningIdentity({
        certificatePem: pki.signer.chainPem,
        privateKeyPem: pki.signer.keyPem,
      });
      expect(identity).toMatchObject({ algorithm: 'ES256', keyStorage: 'file', expired: false });
      const built = await core.api.buildPackage({ folder: dir, articleId, outlet: 'baolaocai' });
      expect(built.credentials).toMatchObject({ signed: true });
      path = built.path;
      const z = await zipMembers(path);
      manifest = z.manifest;
      exported = z.photos.get(ORIGINAL)!;
    }, 60_000);

    it('each export validates, with the original’s manifest as its parentOf ingredient', async () => {
      const trust = parseTrust(pki.caPem);
      const c = await inspectBytes('export.jpg', exported, trust);
      expect(c.state).toBe('trusted');
      expect(c.actions.map((a) => a.action)).toEqual([
        'c2pa.opened',
        'c2pa.resized',
        'c2pa.edited.metadata',
      ]);
      expect(c.ingredients[0]).toMatchObject({
        depth: 1,
        title: ORIGINAL,
        relationship: 'parentOf',
        hasManifest: true,
      });
      const store = await readManifestStore(exported, 'image/jpeg', pki.caPem);
      const active = store.manifests[store.active_manifest!]!;
      expect(active.ingredients?.[0]?.active_manifest).toBe(originalLabel);
      // The photo without credentials of its own is still a signed derivative, its parent recorded bare.
      const plain = await inspectBytes('p.jpg', (await zipMembers(path)).photos.get(PLAIN)!, trust);
      expect(plain.state).toBe('trusted');
      expect(plain.ingredients).toEqual([
        expect.objectContaining({ title: PLAIN, hasManifest: false }),
      ]);
    });

    it('the metadata assertion holds the caption exactly, in NFC', async () => {
      const store = await readManifestStore(exported, 'image/jpeg', pki.caPem);
      const meta = store.manifests[store.active_manifest!]!.assertions!.find(
        (a) => a.label === 'cawg.metadata',
      )!;
      const data = meta.data as Record<string, unknown>;
      expect(data['dc:description']).toBe(CAPTION.normalize('NFC'));
      expect(data['photoshop:Headline']).toBe('Quà Tết cho công nhân');
      expect(data['dc:creator']).toBeDefined();
    });

    it('signing adds no ExifTool -validate warning the original did not have', async () => {
      const file = join(state, 'signed-export.jpg');
      await writeFile(file, exported);
      const source = new Set(await validateWarnings(join(dir, ORIGINAL)));
      expect((await validateWarnings(file)).filter((w) => !source.has(w))).toEqual([]);
    });

    it('the library that wrote it validates it too', async () => {
      const asset = new JPEG(new Uint8Array(exported));
      const store = ManifestStore.read(
        SuperBox.fromBuffer(new Uint8Array(asset.getManifestJUMBF()!)),
      );
      const result = await store.validate(asset);
      expect(result.statusEntries.filter((e) => !e.success)).toEqual([]);
    });

    it('the manifest records each photo’s credentials, and verify checks them', async () => {
      const p = manifest.photos.find((x) => x.source.file === ORIGINAL)!;
      expect(p.credentials).toMatchObject({
        signed: true,
        state: 'trusted',
        source: { state: 'trusted', manifest: originalLabel },
      });
      expect(manifest.credentials?.signed).toBe(true);
      const ok = await core.api.verifyPackage({ path });
      expect(ok).toMatchObject({ ok: true });
      // Another computer, with an empty trust list: valid, and it says whom it does not know.
      const elsewhere = await verifyPackage(path);
      expect(elsewhere.ok).toBe(true);
      expect(elsewhere.notes?.join('\n')).toMatch(/not in this computer's trust list/);
    });

    it('the original’s bytes and its own validation state are unchanged', async () => {
      expect(sha(await readFile(join(dir, ORIGINAL)))).toBe(sha(originalBytes));
      const [c] = await core.api.credentials({ folder: dir, files: [ORIGINAL] });
      expect(c).toMatchObject({ state: 'trusted', manifest: originalLabel });
    });

    const review = (from: string, caption: string, out?: string) =>
      core.api.saveReview({
        path: from,
        reviewer: 'Biên tập viên Hà',
        role: 'editor',
        decision: 'edited',
        note: null,
        comments: [],
        edits: {
          captions: { [manifest.photos.find((x) => x.source.file === ORIGINAL)!.id]: caption },
        },
        ...(out ? { out } : {}),
      });

    it('an editor’s caption edit re-signs the photo; the previous version becomes its ingredient', async () => {
      const id = manifest.photos.find((x) => x.source.file === ORIGINAL)!.id;
      const r = await review(path, 'Chú thích đã sửa.');
      expect(r.credentials).toEqual({ resigned: [id], broken: [] });
      const v2 = await zipMembers(r.path);
      const c = await inspectBytes('v2.jpg', v2.photos.get(ORIGINAL)!, parseTrust(pki.caPem));
      expect(c.state).toBe('trusted');
      expect(c.actions.map((a) => a.action)).toEqual(['c2pa.opened', 'c2pa.edited.metadata']);
      const exportName = v2.manifest.photos
        .find((x) => x.id === id)!
        .file.split('/')
        .pop();
      expect(c.ingredients.map((i) => [i.depth, i.title, i.hasManifest])).toEqual([
        [1, exportName, true],
        [2, ORIGINAL, true],
      ]);
      expect((await core.api.verifyPackage({ path: r.path })).ok).toBe(true);
    });

    it('without an identity the edit leaves the photo broken, recorded and said, never hidden', async () => {
      await core.api.clearSigningIdentity({});
      expect(await core.api.getSigningIdentity({})).toBeNull();
      const id = manifest.photos.find((x) => x.source.file === ORIGINAL)!.id;
      const r = await review(
        path,
        'Sửa khi không có danh tính ký.',
        join(state, 'unsigned-review.zip'),
      );
      expect(r.credentials).toEqual({ resigned: [], broken: [id] });
      const v = await zipMembers(r.path);
      const c = await inspectBytes('v.jpg', v.photos.get(ORIGINAL)!, parseTrust(pki.caPem));
      expect(c.state).toBe('broken');
      expect(v.manifest.photos.find((x) => x.id === id)!.credentials).toMatchObject({
        signed: false,
        state: 'broken',
      });
      const verdict = await verifyPackage(r.path);
      expect(verdict.ok).toBe(true);
      expect(verdict.notes?.join('\n')).toMatch(
        /broken by a caption edit made without a signing identity/,
      );
    });
  });

  describe('the CLI', () => {
    const env = () => ({
      CAPTIONDESK_DATA_DIR: join(state, 'cli-data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cli-cache'),
    });

    it('sets the trust list and reads credentials; a broken photo exits 2, naming it', async () => {
      await writeFile(join(state, 'trust.pem'), pki.caPem);
      const t = await runCli(['trust-list', join(state, 'trust.pem')], env());
      expect(t.code, t.out).toBe(0);
      expect(t.stdout).toMatch(/1 trusted certificate/);
      const ok = await runCli(
        ['credentials', join(dir, ORIGINAL), join(dir, PLAIN), '--json'],
        env(),
      );
      expect(ok.code, ok.out).toBe(0);
      const list = JSON.parse(ok.stdout) as { file: string; state: string }[];
      expect(list.map((c) => [c.file, c.state])).toEqual([
        [ORIGINAL, 'trusted'],
        [PLAIN, 'none'],
      ]);
      const text = await runCli(['credentials', join(dir, ORIGINAL)], env());
      expect(text.stdout).toMatch(/valid, trusted signer/);
      expect(text.stdout).toMatch(
        /signer +Phóng viên Lê Đức, Báo Lào Cai \(issued by Báo Lào Cai Test CA\)/,
      );
      const brokenDir = await tempDir();
      const broken = Buffer.from(originalBytes);
      const at = broken.length - 400;
      broken[at] = broken[at]! ^ 0x01;
      await writeFile(join(brokenDir, 'broken.jpg'), broken);
      const bad = await runCli(['credentials', join(brokenDir, 'broken.jpg')], env());
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/broken\.jpg: BROKEN/);
      await rm(brokenDir, { recursive: true, force: true });
    }, 60_000);

    it('package --sign uses the configured identity, and verify checks the signatures', async () => {
      await writeFile(join(state, 'chain.pem'), pki.signer.chainPem);
      await writeFile(join(state, 'key.pem'), pki.signer.keyPem);
      const pack = () =>
        runCli(
          [
            'package',
            dir,
            '--article',
            articleId,
            '--outlet',
            'baolaocai',
            '--sign',
            '--out',
            join(state, 'cli.zip'),
          ],
          env(),
        );
      const unsigned = await pack();
      expect(unsigned.code).not.toBe(0);
      expect(unsigned.stderr).toMatch(/No signing identity/);
      const id = await runCli(
        ['signing-identity', '--cert', join(state, 'chain.pem'), '--key', join(state, 'key.pem')],
        env(),
      );
      expect(id.code, id.out).toBe(0);
      expect(id.stdout).toMatch(/signer +Phóng viên Lê Đức, Báo Lào Cai/);
      const built = await pack();
      expect(built.code, built.out).toBe(0);
      expect(built.stdout).toMatch(/Each photo carries its own C2PA Content Credentials/);
      const { photos } = await zipMembers(join(state, 'cli.zip'));
      expect((await inspectBytes('x', photos.get(ORIGINAL)!, parseTrust(pki.caPem))).state).toBe(
        'trusted',
      );
      const verified = await runCli(['verify', join(state, 'cli.zip')], env());
      expect(verified.code, verified.out).toBe(0);
    }, 90_000);
  });
});
