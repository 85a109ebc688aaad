/**
 * Every JPEG fixture exported through a real package, checked by ExifTool's validator: the
 * export's EXIF is our own (not sharp's keepExif() copy), so `-validate` finds no fault the
 * source did not already have, and the values a desk reads are still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../electron/core/app-core-types';
import { openZip } from '../electron/core/zip';
import type { Manifest } from '../electron/contract/package-manifest';
import { checksums, copyFixtures, FIXTURES, tempDir } from './helpers/fixtures';
import { coreIn } from './helpers/fixture-core';
import { isPlaceholder } from '../electron/core/metadata/placeholders';
import { exiftool, hasExiftool } from './helpers/exiftool';

const run = promisify(execFile);

/**
 * Not exportable by design: the export refuses a damaged source (sharp's failOn 'warning')
 * rather than print half a photo.
 */
const REFUSED = new Set(['sony-xperia-truncated.jpg', 'photoshop-extra-bytes-after-app2.jpg']);
const EVENT_ZONE = 'Asia/Ho_Chi_Minh';

/** `exiftool -validate -warning -a`: every warning line of one file (JSON would merge them). */
async function warnings(file: string): Promise<string[]> {
  const { stdout } = await run('exiftool', ['-validate', '-warning', '-a', '-s', file]);
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('Warning'))
    .map((l) => l.replace(/^Warning\s*:\s*/, '').trim());
}

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
  let dir: string;
  let state: string;
  let core: Core;
  let files: string[];
  let manifest: Manifest;
  let before: Map<string, string>;
  let exportedPaths: string[];
  let exported: Record<string, unknown>[];
  let sources: Record<string, unknown>[];

  beforeAll(async () => {
    const facts = JSON.parse(await readFile(join(FIXTURES, 'manifest.json'), 'utf8')) as {
      file: string;
      format: string;
    }[];
    files = facts.filter((f) => f.format === 'JPEG' && !REFUSED.has(f.file)).map((f) => f.file);
    dir = await copyFixtures(files);
    before = await checksums(dir);
    state = await tempDir();
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
    const event = await core.api.getEvent({ folder: dir });
    await core.api.saveEvent({ folder: dir, event: { ...event, timeZone: EVENT_ZONE } });
    const article = await core.api.importArticle({
      folder: dir,
      structure: {
        headline: 'EXIF sạch',
        sapo: 'Mọi ảnh mẫu JPEG.',
        body: [{ type: 'gallery', photos: files.map((source) => ({ source })), caption: 'Ảnh.' }],
      },
    });
    const out = join(state, 'out', 'pkg.zip');
    await mkdir(join(state, 'out'));
    await core.api.buildPackage({
      folder: dir,
      articleId: article.id,
      out,
      outlet: 'baolaocai',
      initials: 'tl',
    });
    const zip = await openZip(out);
    manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const extracted = join(state, 'extracted');
    await mkdir(extracted);
    exportedPaths = manifest.photos.map((p) => join(extracted, p.file.slice('photos/'.length)));
    for (const [i, p] of manifest.photos.entries())
      await writeFile(exportedPaths[i]!, await zip.read(p.file));
    await zip.close();
    exported = await exiftool(exportedPaths);
    sources = await exiftool(manifest.photos.map((p) => join(dir, p.source.file)));
  }, 240_000);

  afterAll(async () => {
    await core?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (state) await rm(state, { recursive: true, force: true });
  });

  it('exports every JPEG fixture but the damaged ones, and never touches the originals', async () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(manifest.photos.map((p) => p.source.file).sort()).toEqual([...files].sort());
    expect(await checksums(dir)).toEqual(before);
  });

  it('adds no ExifTool -validate warning the source did not already have', async () => {
    const added: Record<string, string[]> = {};
    for (const [i, p] of manifest.photos.entries()) {
      const source = new Set(await warnings(join(dir, p.source.file)));
      const extra = (await warnings(exportedPaths[i]!)).filter((w) => !source.has(w));
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
