import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../electron/core/app-core';
import type { Core } from '../electron/core/app-core-types';
import { openZip } from '../electron/core/zip';
import type { Manifest } from '../electron/contract/package-manifest';
import { checksums, FIXTURES, tempDir } from './helpers/fixtures';
import { packageSeed, STRUCTURE, seedFolder } from './helpers/seed-package';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { coreIn } from './helpers/fixture-core';

export { SEED_SOURCES, seedFolder } from './helpers/seed-package';

interface StructureBlock {
  type: string;
  text?: string;
  source?: string;
  caption?: string;
  expectedExportName?: string;
  photos?: { source: string; expectedExportName: string }[];
}

describe('the seed article, imported, packaged and verified', () => {
  let dir: string;
  let state: string;
  let core: Core;
  let structure: { headline: string; sapo: string; body: StructureBlock[] };
  let zipPath: string;
  let manifest: Manifest;
  let before: Map<string, string>;

  beforeAll(async () => {
    dir = await seedFolder();
    state = await tempDir();
    before = await checksums(dir);
    core = coreIn(state);
    structure = JSON.parse(await readFile(STRUCTURE, 'utf8'));
    zipPath = join(state, 'out', 'seed.zip');
    const result = await packageSeed(core, dir, zipPath);
    expect(result.path).toBe(zipPath);
    const zip = await openZip(zipPath);
    manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8'));
    await zip.close();
  }, 120_000);

  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('reproduces headline, sapo, paragraphs, captions and block order exactly', () => {
    expect(manifest.article.headline).toBe(structure.headline);
    expect(manifest.article.sapo).toBe(structure.sapo);
    expect(manifest.article.body.map((b) => b.type)).toEqual(structure.body.map((b) => b.type));
    const photoById = new Map(manifest.photos.map((p) => [p.id, p]));
    structure.body.forEach((b, i) => {
      const m = manifest.article.body[i]!;
      if (b.type === 'paragraph') expect(m).toMatchObject({ type: 'paragraph', text: b.text });
      if (b.type === 'photo' && m.type === 'photo') {
        expect(m.caption).toBe(b.caption);
        expect(photoById.get(m.photo)!.source.file).toBe(b.source);
        expect(photoById.get(m.photo)!.file).toBe(`photos/${b.expectedExportName}`);
      }
      if (b.type === 'gallery' && m.type === 'gallery') {
        expect(m.caption).toBe(b.caption);
        expect(m.photos.map((id) => photoById.get(id)!.file)).toEqual(
          b.photos!.map((p) => `photos/${p.expectedExportName}`),
        );
      }
    });
  });

  it('verifies, and never touched the originals', async () => {
    expect(await core.api.verifyPackage({ path: zipPath })).toEqual({ ok: true, problems: [] });
    expect(await checksums(dir)).toEqual(before);
  });

  it.skipIf(!hasExiftool)(
    'exports ≤2048 px, orientation applied, GPS gone, each caption readable by exiftool',
    async () => {
      const out = join(state, 'extracted');
      await mkdir(out, { recursive: true });
      const zip = await openZip(zipPath);
      for (const p of manifest.photos)
        await writeFile(join(out, p.file.slice('photos/'.length)), await zip.read(p.file));
      await zip.close();
      const tags = await exiftool(
        manifest.photos.map((p) => join(out, p.file.slice('photos/'.length))),
        ['-n'],
      );
      const sourceTags = await exiftool(
        manifest.photos.map((p) => join(dir, p.source.file)),
        ['-n', '-Orientation', '-ImageWidth', '-ImageHeight'],
      );
      manifest.photos.forEach((p, i) => {
        const t = tags[i]!;
        expect(t['IPTC:Caption-Abstract'], p.file).toBe(p.caption);
        expect(t['XMP-dc:Description'], p.file).toBe(p.caption);
        expect(t['IFD0:ImageDescription'], p.file).toBe(p.caption);
        expect(t['IPTC:Credit'], p.file).toBe('Báo Lào Cai');
        expect(t['IPTC:Headline'], p.file).toBe(structure.headline);
        expect(
          Math.max(Number(t['File:ImageWidth']), Number(t['File:ImageHeight'])),
          p.file,
        ).toBeLessThanOrEqual(2048);
        expect([undefined, 1], p.file).toContain(t['IFD0:Orientation']);
        expect(
          Object.keys(t).filter((k) => k.startsWith('GPS:') || k.startsWith('Composite:GPS')),
          p.file,
        ).toEqual([]);
        // Portrait stays portrait once the orientation is in the pixels.
        const s = sourceTags[i]!;
        const o = Number(s['IFD0:Orientation'] ?? 1);
        const srcW = Number(s['File:ImageWidth']);
        const srcH = Number(s['File:ImageHeight']);
        const shownPortrait = o >= 5 ? srcW > srcH : srcH > srcW;
        expect(p.height > p.width, p.file).toBe(shownPortrait);
      });
    },
  );

  it('is deterministic: packaging again gives the same bytes', async () => {
    const again = join(state, 'out', 'again.zip');
    const id = manifest.article.id;
    await core.api.buildPackage({
      folder: dir,
      articleId: id,
      out: again,
      outlet: 'baolaocai',
      initials: 'tl',
    });
    expect(Buffer.compare(await readFile(again), await readFile(zipPath))).toBe(0);
  }, 120_000);

  it('fails verification naming the photo when one byte of it changes', async () => {
    const bytes = await readFile(zipPath);
    const zip = await openZip(zipPath);
    const target = manifest.photos[3]!;
    const photo = await zip.read(target.file);
    await zip.close();
    // A slice of its image data: the metadata at the head can be byte-identical across photos
    // from one camera (the export rebuilds EXIF from the same values), so it would not name one.
    const mid = Math.floor(photo.length / 2);
    const at = bytes.indexOf(photo.subarray(mid, mid + 64));
    expect(bytes.indexOf(photo.subarray(mid, mid + 64), at + 1)).toBe(-1);
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] = bytes[at + 10]! ^ 0xff;
    const tampered = join(state, 'out', 'tampered.zip');
    await writeFile(tampered, bytes);
    const r = await core.api.verifyPackage({ path: tampered });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.file)).toContain(target.file);
  });

  it('refuses to package when a source photo is unreadable, naming it, and leaves no package', async () => {
    const broken = await seedFolder();
    const state2 = await tempDir();
    const core2 = createCore({
      dataDir: join(state2, 'data'),
      cacheDir: join(state2, 'cache'),
      sampleDir: FIXTURES,
      mode: 'cli',
      version: 't',
    });
    try {
      await writeFile(
        join(broken, 'DSC-2437.JPG'),
        (await readFile(join(broken, 'DSC-2437.JPG'))).subarray(0, 40000),
      );
      await core2.api.openFolder({ path: broken });
      const a = await core2.api.importArticle({ folder: broken, structure });
      const out = join(state2, 'out', 'pkg.zip');
      await mkdir(join(state2, 'out'));
      await expect(
        core2.api.buildPackage({
          folder: broken,
          articleId: a.id,
          out,
          outlet: 'baolaocai',
          initials: 'tl',
        }),
      ).rejects.toThrow(/DSC-2437\.JPG/);
      expect(await readdir(join(state2, 'out'))).toEqual([]);
      await expect(stat(out)).rejects.toThrow();
    } finally {
      await core2.close();
      await rm(broken, { recursive: true, force: true });
      await rm(state2, { recursive: true, force: true });
    }
  }, 120_000);
});
