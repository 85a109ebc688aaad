/**
 * The EXIF of one exported photo, read back by ExifTool: GPS when the preset keeps it, the
 * source's own offset over the event's, the required tags for a source with no EXIF, and
 * Orientation 1 over rotated pixels. The package-wide check is test/package-exif-validate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, tempDir } from '../../../test/helpers/fixtures';
import { exiftool, hasExiftool } from '../../../test/helpers/exiftool';
import { DEFAULT_PRESET } from '../library/preset-store';
import { exportPhoto } from './export-photo';

const run = promisify(execFile);

async function warnings(file: string): Promise<string[]> {
  const { stdout } = await run('exiftool', ['-validate', '-warning', '-a', '-s', file]);
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('Warning'))
    .map((l) => l.replace(/^Warning\s*:\s*/, '').trim());
}

describe.skipIf(!hasExiftool)('exportPhoto EXIF', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Export a file, write it, return the export's path and ExifTool's reading of it. */
  async function exported(source: string, keepGps: boolean, offset: string | null) {
    const out = await exportPhoto(
      source,
      { ...DEFAULT_PRESET, longEdge: 800, stripGps: !keepGps },
      { caption: 'Ảnh thử.' },
      offset,
    );
    const path = join(dir, `out-${Math.random().toString(36).slice(2)}.jpg`);
    await writeFile(path, out.data);
    const [tags] = await exiftool([path]);
    return { path, tags: tags!, out };
  }

  it.each(['iphone5-orient3-gps.jpg', 'samsung-galaxys-gps-zero.jpg'])(
    'keeps the GPS of %s when the preset keeps it, with no new warning',
    async (name) => {
      const source = join(FIXTURES, name);
      const [s] = await exiftool([source]);
      const { path, tags } = await exported(source, true, '+07:00');
      expect(s!['GPS:GPSLatitude']).toBeDefined();
      for (const k of Object.keys(s!).filter((k) => k.startsWith('GPS:')))
        expect(tags[k], k).toEqual(s![k]);
      const before = new Set(await warnings(source));
      expect((await warnings(path)).filter((w) => !before.has(w))).toEqual([]);
      const stripped = await exported(source, false, '+07:00');
      expect(Object.keys(stripped.tags).filter((k) => k.startsWith('GPS:'))).toEqual([]);
    },
  );

  it("keeps the source's own OffsetTimeOriginal over the event's offset", async () => {
    const copy = join(dir, 'leica-offset.jpg');
    await cp(join(FIXTURES, 'leica-t-orient8.jpg'), copy);
    await run('exiftool', ['-q', '-overwrite_original', '-OffsetTimeOriginal=+05:30', copy]);
    const { tags } = await exported(copy, false, '+07:00');
    expect(tags['ExifIFD:OffsetTimeOriginal']).toBe('+05:30');
    expect(tags['ExifIFD:DateTimeOriginal']).toBe('2014:04:24 12:18:42');
  });

  it('writes the given offset for a source without one, and for the clock readings equal to it', async () => {
    // The Leica's three clock readings are the same time, so they share the capture's offset.
    const { tags } = await exported(join(FIXTURES, 'leica-t-orient8.jpg'), false, '+02:00');
    expect(tags['ExifIFD:DateTimeOriginal']).toBe('2014:04:24 12:18:42');
    expect(tags['ExifIFD:OffsetTimeOriginal']).toBe('+02:00');
    expect(tags['ExifIFD:OffsetTimeDigitized']).toBe('+02:00');
    expect(tags['ExifIFD:OffsetTime']).toBe('+02:00');
    // The source says EXIF 2.21, but the offset tags came with 2.31.
    expect(tags['ExifIFD:ExifVersion']).toBe('0232');
  });

  it('gives a source with no EXIF the tags a JPEG needs and no capture time', async () => {
    const { path, tags } = await exported(join(FIXTURES, 'canon-s40-no-exif.jpg'), false, '+07:00');
    expect(await warnings(path)).toEqual([]);
    expect(tags['IFD0:YCbCrPositioning']).toBe('Centered');
    expect(tags['ExifIFD:ComponentsConfiguration']).toBe('Y, Cb, Cr, -');
    expect(tags['ExifIFD:ColorSpace']).toBe('sRGB');
    expect(tags['ExifIFD:DateTimeOriginal']).toBeUndefined();
    expect(tags['ExifIFD:OffsetTimeOriginal']).toBeUndefined();
  });

  it('marks rotated pixels Orientation 1 with the rotated size', async () => {
    const { tags, out } = await exported(join(FIXTURES, 'samsung-j327t1-orient6.jpg'), false, null);
    expect(tags['IFD0:Orientation']).toBe('Horizontal (normal)');
    expect(out.height).toBeGreaterThan(out.width);
    expect(tags['ExifIFD:ExifImageWidth']).toBe(out.width);
    expect(tags['ExifIFD:ExifImageHeight']).toBe(out.height);
  });
});
