import { afterEach, describe, expect, it } from 'vitest';
import { cp, rm, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FolderRegistry,
  touchedFiles,
  type FolderChange,
  type OpenFolder,
} from './folder-registry';
import { indexFolder } from './photo-index';
import { listPhotoFiles } from './list-photos';
import { writeSidecar } from '../metadata/sidecar';
import { captionChanges } from '../metadata/sidecar-changes';
import { defaultEvent } from '../captioning/event-store';
import { copyFixtures, FIXTURES, tempDir } from '../../../test/helpers/fixtures';

const JPEGS = [
  'canon-eos350d-progressive.jpg',
  'canon-eos1000d-orient6.jpg',
  'dpa-wire-iptc-utf8.jpg',
  'leica-t-orient8.jpg',
  'nikon-d3s-lightroom-iptc.jpg',
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A registry on a copy of some fixtures, not yet opened; every change it announces is kept. */
async function registryOn(files: string[], opts: { firstScreen?: number; state?: string } = {}) {
  const dir = await copyFixtures(files);
  const state = opts.state ?? (await tempDir());
  const changes: FolderChange[] = [];
  const make = () => {
    const r = new FolderRegistry(
      {
        dataDir: join(state, 'data'),
        cacheDir: join(state, 'cache'),
        sampleDir: FIXTURES,
        mode: 'web',
        version: 't',
      },
      (_f, c) => changes.push(c),
    );
    if (opts.firstScreen !== undefined) r.firstScreen = opts.firstScreen;
    return r;
  };
  const registry = make();
  cleanup.push(async () => {
    await registry.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });
  return { dir, state, registry, changes, make };
}

/** The registry with the folder open and read; the watcher is off (CLI mode would read all at open). */
async function setup(files: string[], opts: { firstScreen?: number; state?: string } = {}) {
  const { dir, state, registry, changes, make } = await registryOn(files, opts);
  const f = await registry.open(dir);
  // Changes come from explicit updates in these tests, not from the OS's timing.
  f.watcher?.close();
  await f.loaded;
  changes.length = 0;
  return { dir, state, registry, f, changes, make };
}

const photoJson = (f: OpenFolder) => [...f.photos.values()].map((p) => JSON.stringify(p.photo));

describe('incremental index', () => {
  it('reads only a file that arrived, and announces it with its data', async () => {
    const { dir, registry, f, changes } = await setup(JPEGS.slice(0, 3));
    const reads = registry.headerReads;
    await cp(join(FIXTURES, 'getty-eos1d-iptc-caption.jpg'), join(dir, 'DSC-0100.JPG'));
    await registry.update(f, ['DSC-0100.JPG']);
    expect(registry.headerReads - reads).toBe(1);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.added).toEqual(['DSC-0100.JPG']);
    expect(changes[0]!.photos.map((p) => p.photo.file)).toEqual(['DSC-0100.JPG']);
    expect(changes[0]!.photos[0]!.photo.caption).toBeTruthy();
    // Sorted by name like a full scan.
    expect([...f.photos.keys()]).toEqual((await listPhotoFiles(dir)).map((e) => e.file));
  });

  it('maps a sidecar written by another program to its photo and reads no image header', async () => {
    const { dir, registry, f, changes } = await setup(JPEGS.slice(0, 3));
    const reads = registry.headerReads;
    const file = 'canon-eos1000d-orient6.jpg';
    await writeSidecar(dir, file, captionChanges('Khán giả cổ vũ.', 'Khán giả cổ vũ.'));
    await registry.update(f, ['canon-eos1000d-orient6.xmp']);
    expect(registry.headerReads - reads).toBe(0);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.photos.map((p) => p.photo.captionOwn)).toEqual(['Khán giả cổ vũ.']);
    expect(f.photos.get(file)!.photo.caption).toBe('Khán giả cổ vũ.');
    // `name.ext.xmp` (darktable) maps to the same photo.
    expect([...touchedFiles(await listPhotoFiles(dir), [`${file}.xmp`])]).toEqual([file]);
  });

  it('drops a removed photo without reading anything', async () => {
    const { dir, registry, f, changes } = await setup(JPEGS.slice(0, 3));
    const reads = registry.headerReads;
    await unlink(join(dir, 'dpa-wire-iptc-utf8.jpg'));
    await registry.update(f, ['dpa-wire-iptc-utf8.jpg']);
    expect(registry.headerReads - reads).toBe(0);
    expect(changes).toEqual([{ photos: [], removed: ['dpa-wire-iptc-utf8.jpg'], added: [] }]);
    expect(f.photos.has('dpa-wire-iptc-utf8.jpg')).toBe(false);
  });

  it('pairs a RAW that lands after its JPEG, re-using the JPEG as read', async () => {
    const { dir, registry, f, changes } = await setup([]);
    await cp(join(FIXTURES, 'canon-eos350d-progressive.jpg'), join(dir, 'IMG_0001.JPG'));
    await registry.update(f, ['IMG_0001.JPG']);
    expect(f.photos.get('IMG_0001.JPG')!.photo.pairedWith).toBeNull();
    const reads = registry.headerReads;
    changes.length = 0;
    await cp(join(FIXTURES, 'canon-eos-r6-truncated.cr3'), join(dir, 'IMG_0001.CR3'));
    await registry.update(f, ['IMG_0001.CR3']);
    expect(registry.headerReads - reads).toBe(0);
    expect([...f.photos.keys()]).toEqual(['IMG_0001.JPG']);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.photos.map((p) => p.photo.pairedWith)).toEqual(['IMG_0001.CR3']);
  });

  it('without names, stats every photo and re-reads only the one whose time changed', async () => {
    const { dir, registry, f, changes } = await setup(JPEGS);
    const reads = registry.headerReads;
    await utimes(join(dir, 'leica-t-orient8.jpg'), new Date(), new Date(Date.now() + 5000));
    await registry.update(f, null);
    expect(registry.headerReads - reads).toBe(1);
    expect(changes.flatMap((c) => c.photos.map((p) => p.photo.file))).toEqual([
      'leica-t-orient8.jpg',
    ]);
    // Nothing changed: nothing read, nothing announced.
    await registry.update(f, null);
    expect(registry.headerReads - reads).toBe(1);
    expect(changes).toHaveLength(1);
    // A sidecar another program wrote is found by its size and time, too.
    await writeSidecar(dir, 'dpa-wire-iptc-utf8.jpg', captionChanges('Mới.', 'Mới.'));
    await registry.update(f, null);
    expect(registry.headerReads - reads).toBe(1);
    expect(changes.at(-1)!.photos.map((p) => [p.photo.file, p.photo.captionOwn])).toEqual([
      ['dpa-wire-iptc-utf8.jpg', 'Mới.'],
    ]);
  });
});

describe('progressive open and the index cache', () => {
  it('returns a first screen read, then every other photo in background batches', async () => {
    const { dir, registry, changes } = await registryOn(JPEGS, { firstScreen: 2 });
    const f = await registry.open(dir);
    const sorted = [...JPEGS].sort();
    expect([...f.photos.keys()]).toEqual(sorted);
    expect([...f.photos.values()].map((p) => !!p.pending)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    await f.loaded;
    expect(changes.flatMap((c) => c.photos.map((p) => p.photo.file))).toEqual(sorted.slice(2));
    expect([...f.photos.values()].some((p) => p.pending)).toBe(false);
    const full = await indexFolder(dir, dir, defaultEvent());
    expect(photoJson(f)).toEqual(full.map((p) => JSON.stringify(p.photo)));
  });

  it('reads a waiting photo at once when a call needs it', async () => {
    const { dir, registry } = await registryOn(JPEGS, { firstScreen: 1 });
    const f = await registry.open(dir);
    const last = [...JPEGS].sort().at(-1)!;
    expect(f.photos.get(last)!.pending).toBe(true);
    await registry.require(dir, [last]);
    expect(f.photos.get(last)!.pending).toBeFalsy();
    expect(f.photos.get(last)!.photo.width).toBeGreaterThan(0);
  });

  it('re-opens from the index cache without reading unchanged headers', async () => {
    const first = await setup(JPEGS);
    expect(first.registry.headerReads).toBe(JPEGS.length);
    const before = photoJson(first.f);
    await first.registry.close(); // writes the cache

    const again = first.make();
    const f = await again.open(first.dir);
    await f.loaded;
    expect(again.headerReads).toBe(0);
    expect(photoJson(f)).toEqual(before);
    await again.close();

    await utimes(join(first.dir, JPEGS[0]!), new Date(), new Date(Date.now() + 5000));
    const third = first.make();
    await (
      await third.open(first.dir)
    ).loaded;
    expect(third.headerReads).toBe(1);
    await third.close();
  });
});
