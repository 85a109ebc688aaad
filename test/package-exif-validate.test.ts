/**
 * Every JPEG fixture exported through a real package, checked by ExifTool's validator: the
 * export's EXIF is our own (not sharp's keepExif() copy), so `-validate` finds no fault the
 * source did not already have, and the values a desk reads are still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Manifest } from '../electron/contract/package-manifest';
import {
  expectAllExported,
  packageAllJpegs,
  type AllJpegsPackage,
} from './helpers/all-jpegs-package';
import { isPlaceholder } from '../electron/core/metadata/placeholders';
import { exiftool, hasExiftool, validateWarnings } from './helpers/exiftool';

const EVENT_ZONE = 'Asia/Ho_Chi_Minh';

const offsetIn = (v: unknown): string | null => {
  const m =
    typeof v === 'string' ? /\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(v) : null;
  return m ? (m[1] === 'Z' ? '+00:00' : m[1]!) : null;
};

/** Fields are read trimmed, so a copyright padded with spaces comes back without them. */
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** The tags a desk reads, as ExifTool names them (-G1), that the export must keep. */
const KEPT = [
  'IFD0:Make',
  'IFD0:Model',
  'ExifIFD:LensModel',
  'ExifIFD:LensInfo',
  'ExifIFD:ExposureTime',
  'ExifIFD:FNumber',
  'ExifIFD:ISO',
  'ExifIFD:FocalLength',
  'ExifIFD:DateTimeOriginal',
  'ExifIFD:OffsetTimeOriginal',
  'IFD0:Artist',
  'IFD0:Copyright',
];

describe.skipIf(!hasExiftool)('EXIF of every exported JPEG fixture', () => {
  let pkg: AllJpegsPackage;
  let dir: string;
  let manifest: Manifest;
  let exportedPaths: string[];
  let exported: Record<string, unknown>[];
  let sources: Record<string, unknown>[];

  beforeAll(async () => {
    pkg = await packageAllJpegs({ headline: 'EXIF sạch', timeZone: EVENT_ZONE });
    ({ dir, manifest, exportedPaths } = pkg);
    exported = await exiftool(exportedPaths);
    sources = await exiftool(pkg.sourcePaths);
  }, 240_000);

  afterAll(async () => {
    await pkg?.close();
  });

  it('exports every JPEG fixture but the damaged ones, and never touches the originals', () =>
    expectAllExported(pkg));

  it('adds no ExifTool -validate warning the source did not already have', async () => {
    const added: Record<string, string[]> = {};
    for (const [i, p] of manifest.photos.entries()) {
      const source = new Set(await validateWarnings(join(dir, p.source.file)));
      const extra = (await validateWarnings(exportedPaths[i]!)).filter((w) => !source.has(w));
      if (extra.length) added[p.source.file] = extra;
    }
    expect(added).toEqual({});
  }, 120_000);

  it('keeps camera, lens, exposure, capture time, artist and copyright', () => {
    manifest.photos.forEach((p, i) => {
      const s = sources[i]!;
      const t = exported[i]!;
      for (const tag of KEPT) {
        // A blank text tag is an empty one, which the export drops.
        if (String(s[tag] ?? '').trim() === '' || tag === 'ExifIFD:OffsetTimeOriginal') continue;
        const at = `${p.source.file} ${tag}`;
        if (tag !== 'IFD0:Artist' && tag !== 'IFD0:Copyright') {
          expect(t[tag], at).toEqual(s[tag]);
          continue;
        }
        // Artist and Copyright are the photo's byline and copyright fields when it has them
        // (the embedder writes them to all three homes), else the source's EXIF values,
        // unless those are a placeholder ("null") where a name belongs.
        const field = tag === 'IFD0:Artist' ? [t['XMP-dc:Creator']].flat()[0] : t['XMP-dc:Rights'];
        if (field !== undefined) expect(trimmed(t[tag]), at).toEqual(trimmed(field));
        else if (isPlaceholder(String(s[tag]))) expect(t[tag], at).toBeUndefined();
        else expect(trimmed(t[tag]), at).toEqual(trimmed(s[tag]));
      }
    });
    const canon = manifest.photos.findIndex(
      (p) => p.source.file === 'canon-5dmk3-22mp-iptc-null.jpg',
    );
    expect(sources[canon]!['IFD0:Artist']).toBe('null');
    expect(exported[canon]!['IFD0:Artist']).toBeUndefined();
  });

  it("writes OffsetTimeOriginal: the source's, else the event zone's on that date", () => {
    manifest.photos.forEach((p, i) => {
      const s = sources[i]!;
      const t = exported[i]!;
      if (s['ExifIFD:DateTimeOriginal'] === undefined) {
        expect(t['ExifIFD:OffsetTimeOriginal'], p.source.file).toBeUndefined();
        return;
      }
      // The rule of the exported IIM time: EXIF's offset, else one IIM or XMP states, else the zone's.
      const expected =
        s['ExifIFD:OffsetTimeOriginal'] ??
        offsetIn(s['IPTC:TimeCreated']) ??
        offsetIn(s['XMP-photoshop:DateCreated']) ??
        '+07:00';
      expect(t['ExifIFD:OffsetTimeOriginal'], p.source.file).toBe(expected);
    });
    const d3s = manifest.photos.findIndex((p) => p.source.file === 'nikon-d3s-lightroom-iptc.jpg');
    expect(exported[d3s]!['ExifIFD:OffsetTimeOriginal']).toBe('+02:00');
  });

  it('drops maker notes, thumbnails and the old orientation; has the tags a JPEG needs', () => {
    manifest.photos.forEach((p, i) => {
      const t = exported[i]!;
      const keys = Object.keys(t);
      expect(
        keys.filter((k) =>
          /^MakerNotes|^(Olympus|Canon|Nikon|Sony|Samsung|Leica|Fujifilm|Panasonic)/.test(k),
        ),
        p.source.file,
      ).toEqual([]);
      expect(
        t['ExifIFD:MakerNoteUnknownText'] ?? t['ExifIFD:MakerNoteUnknown'],
        p.source.file,
      ).toBeUndefined();
      expect(
        keys.filter((k) => k.startsWith('IFD1:')),
        p.source.file,
      ).toEqual([]);
      expect([undefined, 'Horizontal (normal)'], p.source.file).toContain(t['IFD0:Orientation']);
      expect(t['ExifIFD:ComponentsConfiguration'], p.source.file).toBe('Y, Cb, Cr, -');
      expect(t['IFD0:YCbCrPositioning'], p.source.file).toBe('Centered');
      expect(t['ExifIFD:ExifImageWidth'], p.source.file).toBe(manifest.photos[i]!.width);
      expect(t['ExifIFD:ExifImageHeight'], p.source.file).toBe(manifest.photos[i]!.height);
    });
  });

  it('strips GPS under the default preset', () => {
    manifest.photos.forEach((p, i) => {
      expect(
        Object.keys(exported[i]!).filter((k) => k.startsWith('GPS:')),
        p.source.file,
      ).toEqual([]);
    });
  });
});
