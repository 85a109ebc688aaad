import { afterEach, describe, expect, it } from 'vitest';
import { cp, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from './app-core';
import { checksums, copyFixtures, FIXTURES } from '../../test/helpers/fixtures';
import { fixtureCore } from '../../test/helpers/fixture-core';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const setup = (files: string[], mode: 'web' | 'cli' = 'web') =>
  fixtureCore((fn) => cleanup.push(fn), files, mode);

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('core: folders, thumbnails, events', () => {
  it('shows the embedded preview first (flagged for rotation), then the cached, rotated thumbnail', async () => {
    const { dir, core, events } = await setup([
      'canon-eos1000d-orient6.jpg',
      'canon-s40-no-exif.jpg',
    ]);
    const { photos } = await core.api.openFolder({ path: dir });
    const rotated = photos.find((p) => p.file === 'canon-eos1000d-orient6.jpg')!;
    expect(rotated.thumb).toMatch(/^media\/preview\//);
    expect(rotated.thumbNeedsRotation).toBe(true);
    expect(photos.find((p) => p.file === 'canon-s40-no-exif.jpg')!.thumb).toBeNull();

    const report = await core.api.buildThumbnails({ folder: dir });
    expect(report).toEqual({ built: 2, cached: 0, failed: [] });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 });
    expect(events.filter((e) => e.type === 'thumbnailReady')).toHaveLength(2);

    const after = await core.api.listPhotos({ folder: dir });
    const t = after.find((p) => p.file === 'canon-eos1000d-orient6.jpg')!;
    expect(t.thumb).toMatch(/^media\/thumb\//);
    expect(t.thumbNeedsRotation).toBe(false);
    const media = await core.resolveMedia(t.thumb!);
    const sharp = (await import('sharp')).default;
    const meta = await sharp((media as { path: string }).path).metadata();
    // Orientation 6 stored 3888x2592: the thumbnail is portrait in its pixels.
    expect(meta.height).toBeGreaterThan(meta.width);
    expect(await core.api.buildThumbnails({ folder: dir })).toEqual({
      built: 0,
      cached: 2,
      failed: [],
    });
  });

  it('gives a changed file a new thumbnail key', async () => {
    const { dir, core } = await setup(['canon-eos350d-progressive.jpg']);
    await core.api.openFolder({ path: dir });
    await core.api.buildThumbnails({ folder: dir });
    const [a] = await core.api.listPhotos({ folder: dir });
    await utimes(
      join(dir, 'canon-eos350d-progressive.jpg'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    const [b] = await core.api.listPhotos({ folder: dir });
    expect(b!.thumb).not.toBe(a!.thumb);
  });

  it('reports photos that cannot be thumbnailed, and goes on with the rest', async () => {
    const { dir, core } = await setup([
      'iphone-xr-orient6-gps.heic',
      'canon-eos-r6-truncated.cr3',
      'sony-xperia-truncated.jpg',
    ]);
    await core.api.openFolder({ path: dir });
    await writeFile(join(dir, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]));
    await core.api.listPhotos({ folder: dir });
    const report = await core.api.buildThumbnails({ folder: dir });
    expect(report.built).toBe(2); // the CR3 from its embedded preview, the truncated JPEG as far as it goes
    expect(report.failed.map((f) => f.file).sort()).toEqual([
      'broken.jpg',
      'iphone-xr-orient6-gps.heic',
    ]);
    for (const f of report.failed) expect(f.error).toContain(f.file);
    const tiles = await core.api.listPhotos({ folder: dir });
    expect(tiles.find((t) => t.file === 'broken.jpg')!.error).toMatch(/broken\.jpg/);
  });

  it('announces files that appear in an open folder', async () => {
    const { dir, core, events } = await setup(['canon-eos350d-progressive.jpg']);
    await core.api.openFolder({ path: dir });
    await cp(join(FIXTURES, 'dpa-wire-iptc-utf8.jpg'), join(dir, 'DSC-0002.JPG'));
    await until(() =>
      events.some(
        (e) => e.type === 'photosChanged' && e.photos.some((p) => p.file === 'DSC-0002.JPG'),
      ),
    );
    const arrived = events.find((e) => e.type === 'photosChanged')!;
    // The event carries the photo's data: nobody needs to re-list to see it.
    expect(arrived.type === 'photosChanged' && arrived.photos[0]!.headline).toBeTruthy();
    expect((await core.api.listPhotos({ folder: dir })).map((p) => p.file)).toContain(
      'DSC-0002.JPG',
    );
  });

  it('shows photos landing one by one as an ingest writes them, with their thumbnails', async () => {
    const { dir, core, events } = await setup(['canon-eos350d-progressive.jpg']);
    await core.api.openFolder({ path: dir });
    for (const [i, name] of ['DSC-0101', 'DSC-0102'].entries()) {
      // Ingest order: the sidecar (template) first, then the photo as .part renamed into place.
      await writeFile(
        join(dir, `${name}.xmp`),
        `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Huế ${i}"/></rdf:RDF></x:xmpmeta>`,
      );
      await cp(join(FIXTURES, 'canon-eos1000d-orient6.jpg'), join(dir, `${name}.JPG.part`));
      await rename(join(dir, `${name}.JPG.part`), join(dir, `${name}.JPG`));
      await until(() =>
        events.some(
          (e) =>
            e.type === 'photosChanged' &&
            e.photos.some((p) => p.file === `${name}.JPG` && p.city === `Huế ${i}`),
        ),
      );
      await until(() =>
        events.some((e) => e.type === 'thumbnailReady' && e.file === `${name}.JPG`),
      );
    }
    // Only the arrivals were thumbnailed, never the photo that was already there.
    expect(
      events
        .filter((e) => e.type === 'thumbnailReady')
        .map((e) => e.type === 'thumbnailReady' && e.file),
    ).toEqual(['DSC-0101.JPG', 'DSC-0102.JPG']);
  });

  it('announces its own sidecar writes once, from the call, not again from the watcher', async () => {
    const { dir, core, events } = await setup(['canon-eos350d-progressive.jpg']);
    await core.api.openFolder({ path: dir });
    await core.api.setCaption({
      folder: dir,
      file: 'canon-eos350d-progressive.jpg',
      text: 'Quang cảnh hội nghị.',
    });
    await new Promise((r) => setTimeout(r, 600));
    const changed = events.filter((e) => e.type === 'photosChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      folder: dir,
      removed: [],
      photos: [{ file: 'canon-eos350d-progressive.jpg', captionOwn: 'Quang cảnh hội nghị.' }],
    });
  });

  it('refuses folders that were not opened, outside the CLI', async () => {
    const { dir, core } = await setup(['canon-eos350d-progressive.jpg']);
    await expect(
      core.api.setCaption({ folder: dir, file: 'canon-eos350d-progressive.jpg', text: 'x' }),
    ).rejects.toThrow(/not open/);
    expect(
      await core.resolveMedia(`media/full/0123456789abcdef/canon-eos350d-progressive.jpg`),
    ).toBeNull();
  });

  it('keeps the work of a read-only folder in the app data folder', async () => {
    const { state } = await setup([]);
    const dir = await copyFixtures(['canon-eos350d-progressive.jpg']);
    // Root writes through chmod 555, so the card's read-only state is injected.
    const core = createCore({
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: FIXTURES,
      mode: 'web',
      version: 't',
      isWritable: async () => false,
    });
    cleanup.push(async () => {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    });
    const before = await checksums(dir);
    const { folder } = await core.api.openFolder({ path: dir });
    expect(folder.writable).toBe(false);
    expect(folder.stateDir.startsWith(join(state, 'data'))).toBe(true);
    const p = await core.api.setCaption({
      folder: dir,
      file: 'canon-eos350d-progressive.jpg',
      text: 'Thẻ nhớ chỉ đọc.',
    });
    expect(p.caption).toBe('Thẻ nhớ chỉ đọc.');
    expect(await checksums(dir)).toEqual(before);
    expect(await readdir(dir)).toEqual(['canon-eos350d-progressive.jpg']);
    expect((await core.api.listPhotos({ folder: dir }))[0]!.caption).toBe('Thẻ nhớ chỉ đọc.');
  });

  it('opens a working copy of the sample event, never its shipped files', async () => {
    const { state } = await setup([]);
    const sample = await copyFixtures(['canon-eos350d-progressive.jpg']);
    const core = createCore({
      dataDir: join(state, 'd2'),
      cacheDir: join(state, 'c2'),
      sampleDir: sample,
      mode: 'web',
      version: 't',
    });
    cleanup.push(async () => {
      await core.close();
      await rm(sample, { recursive: true, force: true });
    });
    const { folder, photos } = await core.api.openSample({});
    expect(folder.isSample).toBe(true);
    expect(folder.path.startsWith(join(state, 'd2'))).toBe(true);
    expect(photos).toHaveLength(1);
  });
});
