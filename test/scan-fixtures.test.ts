import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { Photo } from '../electron/contract/api';
import { createCore } from '../electron/core/app-core';
import type { Core } from '../electron/core/app-core-types';
import {
  checksums,
  copyFixtures,
  FIXTURES,
  manifest,
  tempDir,
  type ManifestEntry,
} from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';

/** Files whose manifest caption or byline is camera boilerplate or the literal "null": not captions. */
const PLACEHOLDERS: Record<string, { caption?: true; byline?: true }> = {
  'canon-5dmk3-22mp-iptc-null.jpg': { caption: true, byline: true },
  'olympus-ep3-boilerplate-description.jpg': { caption: true },
  'samsung-galaxys-gps-zero.jpg': { caption: true },
};

describe('scan on copies of the real fixtures, manifest.json as the oracle', () => {
  let dir: string;
  let state: string;
  let core: Core;
  let photos: Photo[];
  let expected: ManifestEntry[];
  let before: Map<string, string>;

  beforeAll(async () => {
    dir = await copyFixtures();
    state = await tempDir();
    before = await checksums(dir);
    core = createCore({
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: FIXTURES,
      mode: 'cli',
      version: 'test',
    });
    photos = await core.api.scan({ folder: dir });
    expected = await manifest();
  });
  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('lists every photo once, sorted by name, NFC', () => {
    expect(photos.map((p) => p.file)).toEqual(expected.map((e) => e.file).sort());
    for (const p of photos) expect(p.file).toBe(p.file.normalize('NFC'));
  });

  it('matches format, displayed size, orientation, make and model', () => {
    for (const e of expected) {
      const p = photos.find((x) => x.file === e.file)!;
      expect({
        file: p.file,
        format: p.format,
        w: p.width,
        h: p.height,
        o: p.orientation,
        make: p.make,
        model: p.model,
      }).toEqual({
        file: e.file,
        format: e.format,
        w: e.displayWidth,
        h: e.displayHeight,
        o: e.orientation,
        make: e.make,
        model: e.model,
      });
    }
  });

  it('reads captions and bylines right, and does not call a placeholder a caption', () => {
    for (const e of expected) {
      const p = photos.find((x) => x.file === e.file)!;
      const ph = PLACEHOLDERS[e.file] ?? {};
      if (ph.caption) {
        expect(p.caption, e.file).toBeNull();
        expect(p.captionPlaceholder?.trim(), e.file).toBe(e.caption?.trim());
      } else expect(p.caption, e.file).toBe(e.caption);
      expect(p.byline, e.file).toBe(ph.byline ? null : e.byline);
    }
    // UTF-8 IIM (declared by 1:90) must not come back as exifr's "Ãscar CaÃ±as".
    expect(photos.find((p) => p.file === 'dpa-wire-iptc-utf8.jpg')!.byline).toBe('Óscar Cañas');
  });

  it('gives GPS only for real fixes: 0,0 and empty GPS blocks are no location', () => {
    for (const e of expected) {
      const p = photos.find((x) => x.file === e.file)!;
      if (!e.gps || (e.gps.lat === 0 && e.gps.lon === 0)) expect(p.gps, e.file).toBeNull();
      else {
        expect(p.gps!.lat, e.file).toBeCloseTo(e.gps.lat, 6);
        expect(p.gps!.lon, e.file).toBeCloseTo(e.gps.lon, 6);
      }
    }
  });

  it.skipIf(!hasExiftool)(
    'capture time equals exiftool DateTimeOriginal (with its offset when present)',
    async () => {
      const files = expected.map((e) => join(dir, e.file));
      const ref = await exiftool(files, ['-DateTimeOriginal', '-OffsetTimeOriginal']);
      let compared = 0;
      for (const r of ref) {
        const file = String(r.SourceFile).split('/').pop()!;
        const p = photos.find((x) => x.file === file)!;
        const dto = Object.entries(r).find(([k]) =>
          /^(ExifIFD|IFD0|XMP-exif):DateTimeOriginal$/.test(k),
        )?.[1] as string | undefined;
        const off = Object.entries(r).find(([k]) => k === 'ExifIFD:OffsetTimeOriginal')?.[1] as
          string | undefined;
        if (!dto) {
          expect(p.capturedAt, file).toBeNull();
          continue;
        }
        const [d, t] = dto.split(' ');
        expect(p.capturedAt, file).toBe(`${d!.replace(/:/g, '-')}T${t}${off ?? ''}`);
        compared++;
      }
      expect(compared).toBeGreaterThan(15);
    },
  );

  it('lists broken and odd files with a clear error or warning instead of failing', () => {
    const byName = (f: string) => photos.find((p) => p.file === f)!;
    expect(byName('sony-xperia-truncated.jpg').warnings.join()).toMatch(/truncated/);
    expect(byName('photoshop-extra-bytes-after-app2.jpg').warnings.join()).toMatch(
      /14 stray bytes/,
    );
    expect(byName('cmyk-photoshop.jpg').warnings.join()).toMatch(/CMYK/);
    expect(byName('canon-eos30d-progressive-bad-iptc.jpg').error).toBeNull();
    expect(byName('canon-s40-no-exif.jpg')).toMatchObject({
      error: null,
      make: null,
      capturedAt: null,
      width: 480,
    });
    expect(byName('iphone-xr-orient6-gps.heic')).toMatchObject({
      error: null,
      width: 3024,
      height: 4032,
    });
    expect(byName('canon-eos-r6-truncated.cr3')).toMatchObject({
      error: null,
      byline: 'Johannes Kimmel',
    });
  });

  it('never modifies the originals', async () => {
    await core.api.buildThumbnails({ folder: dir });
    expect(await checksums(dir)).toEqual(before);
  });
});
