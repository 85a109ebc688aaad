import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sidecarBatchIo } from './sidecar-writer';
import { checksums } from '../../../test/helpers/fixtures';
import { fixtureCore } from '../../../test/helpers/fixture-core';

const FILES = [
  'canon-eos350d-progressive.jpg',
  'canon-eos1000d-orient6.jpg',
  'dpa-wire-iptc-utf8.jpg',
  'leica-t-orient8.jpg',
  'nikon-d3s-lightroom-iptc.jpg',
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const { dir, core, events } = await fixtureCore((fn) => cleanup.push(fn), FILES);
  await core.api.openFolder({ path: dir });
  return { dir, core, events };
}

/** Every sidecar's text, and any file our writer might leave behind. */
async function sidecarState(dir: string) {
  const out: Record<string, string> = {};
  for (const n of (await readdir(dir)).sort())
    if (n.endsWith('.xmp') || n.endsWith('.tmp')) out[n] = await readFile(join(dir, n), 'utf8');
  return out;
}

describe('setCulling', () => {
  it('marks many photos in one call and announces them in one event', async () => {
    const { dir, core, events } = await setup();
    const originals = await checksums(dir);
    const photos = await core.api.setCulling({
      folder: dir,
      changes: FILES.map((file, i) => ({ file, culling: { rating: 3, pick: i % 2 === 0 } })),
    });
    expect(photos.map((p) => [p.file, p.rating, p.pick])).toEqual(
      FILES.map((file, i) => [file, 3, i % 2 === 0]),
    );
    const changed = events.filter((e) => e.type === 'photosChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.type === 'photosChanged' && changed[0]!.photos.length).toBe(FILES.length);
    const state = await sidecarState(dir);
    expect(Object.keys(state).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(Object.keys(state)).toHaveLength(FILES.length);
    for (const text of Object.values(state)) expect(text).toContain('<xmp:Rating>3</xmp:Rating>');
    expect(await checksums(dir)).toEqual(originals);
  });

  it('changes no sidecar at all when one write fails before the renames', async () => {
    const { dir, core, events } = await setup();
    // One photo already has work in its sidecar: it must survive byte for byte.
    await core.api.setCaption({ folder: dir, file: FILES[1]!, text: 'Đã có chú thích.' });
    const before = await sidecarState(dir);
    const ratings = (await core.api.listPhotos({ folder: dir })).map((p) => p.rating);
    events.length = 0;
    let calls = 0;
    const real = sidecarBatchIo.writeTemp;
    vi.spyOn(sidecarBatchIo, 'writeTemp').mockImplementation(async (path, data) => {
      if (++calls === 3) throw new Error('disk full (injected)');
      return real(path, data);
    });
    await expect(
      core.api.setCulling({
        folder: dir,
        changes: FILES.map((file) => ({ file, culling: { rating: 5, label: 'Red' } })),
      }),
    ).rejects.toThrow(/Nothing was changed.*\n.*disk full \(injected\)/s);
    expect(calls).toBe(FILES.length); // every temp was attempted, then all were removed
    expect(await sidecarState(dir)).toEqual(before);
    expect(events.filter((e) => e.type === 'photosChanged')).toEqual([]);
    const listed = await core.api.listPhotos({ folder: dir });
    expect(listed.map((p) => p.rating)).toEqual(ratings);
  });

  it('serializes with single-photo writes: a caption and a mark at once both land', async () => {
    const { dir, core } = await setup();
    await Promise.all([
      core.api.setCaption({ folder: dir, file: FILES[0]!, text: 'Chú thích mới.' }),
      core.api.setCulling({ folder: dir, changes: [{ file: FILES[0]!, culling: { rating: 4 } }] }),
      core.api.setFields({
        folder: dir,
        files: [FILES[0]!],
        fields: {},
        culling: { label: 'Green' },
      }),
    ]);
    const p = (await core.api.listPhotos({ folder: dir })).find((t) => t.file === FILES[0]);
    expect([p!.captionOwn, p!.rating, p!.label]).toEqual(['Chú thích mới.', 4, 'Green']);
  });

  it('names the photo when a sidecar cannot be read, and writes nothing', async () => {
    const { dir, core } = await setup();
    await writeFile(join(dir, 'leica-t-orient8.xmp'), '<x:xmpmeta');
    const before = await sidecarState(dir);
    await core.api
      .setCulling({ folder: dir, changes: FILES.map((file) => ({ file, culling: { rating: 1 } })) })
      .catch(() => undefined);
    // A damaged packet is either replaced as a whole batch or refused as a whole batch.
    const after = await sidecarState(dir);
    const changed = Object.keys(after).filter((n) => after[n] !== before[n]);
    expect(changed.length === 0 || changed.length === FILES.length).toBe(true);
  });
});
