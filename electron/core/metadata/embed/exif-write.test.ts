import { describe, expect, it } from 'vitest';
import { fixtureTiff } from './testing/fixture-tiff';
import { EXIF_TEXT_LIMIT, writeExif, type ExifEdit } from './exif-write';
import type { Truncation } from './text-cut';
import { Tiff, type Ifd } from './tiff';

function ifd0(tiff: Buffer): { t: Tiff; ifd: Ifd } {
  const t = new Tiff(tiff);
  return { t, ifd: t.readIfd(t.ifd0) };
}

function text(tiff: Buffer, ifd: Ifd, tag: number): string | undefined {
  const e = ifd.entries.find((x) => x.tag === tag);
  return (
    e &&
    tiff
      .subarray(e.valueAt, e.valueAt + e.size)
      .toString('utf8')
      .replace(/\0+$/, '')
  );
}

function sub(t: Tiff, ifd: Ifd, tag: number): Ifd | undefined {
  const e = ifd.entries.find((x) => x.tag === tag);
  return e && t.readIfd(t.u32(e.valueAt));
}

const edit: ExifEdit = {
  description: 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.',
  artist: 'Tùng Lâm',
  copyright: '© Báo Lào Cai',
  keepGps: true,
};

describe('writeExif', () => {
  it('writes the three texts as UTF-8 and leaves ExifIFD, MakerNote and IFD1 where they were', () => {
    const before = fixtureTiff('canon-eos1000d-orient6.jpg');
    const after = writeExif(before, edit, null, [], [])!;
    const a = ifd0(after);
    const b = ifd0(before);
    expect(text(after, a.ifd, 0x010e)).toBe(edit.description);
    expect(text(after, a.ifd, 0x013b)).toBe(edit.artist);
    expect(text(after, a.ifd, 0x8298)).toBe(edit.copyright);
    expect(a.ifd.next).toBe(b.ifd.next);
    const exifBefore = sub(b.t, b.ifd, 0x8769)!;
    const exifAfter = sub(a.t, a.ifd, 0x8769)!;
    expect(exifAfter.at).toBe(exifBefore.at);
    const makerNote = exifBefore.entries.find((e) => e.tag === 0x927c)!;
    expect(after.subarray(makerNote.valueAt, makerNote.valueAt + makerNote.size)).toEqual(
      before.subarray(makerNote.valueAt, makerNote.valueAt + makerNote.size),
    );
    // Everything IFD0 did not own is byte-identical.
    const owned = new Set<number>();
    for (let i = b.ifd.at; i < b.ifd.at + 6 + 12 * b.ifd.entries.length; i++) owned.add(i);
    for (let i = 4; i < 8; i++) owned.add(i);
    for (let i = 0; i < before.length; i++)
      if (!owned.has(i) && before[i] !== after[i]) throw new Error(`byte ${i} changed`);
  });

  it('keeps every other IFD0 entry and sets Orientation when asked', () => {
    const before = fixtureTiff('canon-eos1000d-orient6.jpg');
    const after = writeExif(before, { ...edit, orientation: 1 }, null, [], [])!;
    const b = ifd0(before).ifd.entries;
    const a = ifd0(after).ifd;
    for (const e of b.filter((x) => ![0x010e, 0x013b, 0x8298, 0x0112].includes(x.tag)))
      expect(after.subarray(a.entries.find((x) => x.tag === e.tag)!.at).subarray(0, 12)).toEqual(
        before.subarray(e.at, e.at + 12),
      );
    const orientation = a.entries.find((x) => x.tag === 0x0112)!;
    expect(new Tiff(after).u16(orientation.valueAt)).toBe(1);
    const tags = a.entries.map((e) => e.tag);
    expect(tags).toEqual([...tags].sort((x, y) => x - y));
  });

  it('is idempotent: a second run rewrites its own IFD0 in place', () => {
    const once = writeExif(fixtureTiff('canon-eos1300d-18mp.jpg'), edit, null, [], [])!;
    expect(writeExif(once, edit, null, [], [])!.equals(once)).toBe(true);
    const longer = writeExif(once, { ...edit, description: 'x'.repeat(500) }, null, [], [])!;
    expect(longer.length).toBeLessThan(once.length + 500);
  });

  it('drops the GPS IFD and zeroes its bytes when keepGps is false', () => {
    const before = fixtureTiff('iphone5-orient3-gps.jpg');
    const b = ifd0(before);
    const gps = sub(b.t, b.ifd, 0x8825)!;
    const removed: string[] = [];
    const after = writeExif(before, { ...edit, keepGps: false }, null, [], removed)!;
    expect(ifd0(after).ifd.entries.some((e) => e.tag === 0x8825)).toBe(false);
    expect(after.subarray(gps.at, gps.at + 2 + 12 * gps.entries.length).every((x) => x === 0)).toBe(
      true,
    );
    for (const e of gps.entries.filter((x) => x.size > 4))
      expect(after.subarray(e.valueAt, e.valueAt + e.size).every((x) => x === 0)).toBe(true);
    expect(removed).toEqual(['EXIF GPS IFD (keepGps is false)']);
  });

  it('removes a stale ImageDescription a camera put in ExifIFD', () => {
    const before = fixtureTiff('sony-xperia-truncated.jpg');
    const b = ifd0(before);
    expect(sub(b.t, b.ifd, 0x8769)!.entries.some((e) => e.tag === 0x010e)).toBe(true);
    const after = writeExif(before, edit, null, [], [])!;
    const a = ifd0(after);
    expect(sub(a.t, a.ifd, 0x8769)!.entries.some((e) => e.tag === 0x010e)).toBe(false);
    expect(after.includes(Buffer.from('tittel'))).toBe(false);
  });

  it('creates a minimal EXIF with the IFD0 tags a JPEG requires when there was none', () => {
    const tiff = writeExif(null, { ...edit, orientation: 6 }, { x: 300, y: 300, unit: 2 }, [], [])!;
    const { t, ifd } = ifd0(tiff);
    expect(ifd.entries.map((e) => e.tag)).toEqual([
      0x010e, 0x0112, 0x011a, 0x011b, 0x0128, 0x013b, 0x0213, 0x8298,
    ]);
    const xres = ifd.entries.find((e) => e.tag === 0x011a)!;
    expect([t.u32(xres.valueAt), t.u32(xres.valueAt + 4)]).toEqual([300, 1]);
    expect(writeExif(tiff, { ...edit, orientation: 6 }, null, [], [])!.equals(tiff)).toBe(true);
    expect(writeExif(null, { keepGps: true }, null, [], [])).toBeNull();
  });

  it('cuts EXIF text at the caption limit so a huge caption cannot overflow the segment', () => {
    const truncated: Truncation[] = [];
    const tiff = writeExif(
      null,
      { description: 'ư'.repeat(40_000), keepGps: true },
      null,
      truncated,
      [],
    )!;
    expect(truncated).toEqual([
      {
        field: 'caption',
        dataset: 'EXIF ImageDescription',
        limitBytes: EXIF_TEXT_LIMIT,
        originalBytes: 80_000,
        keptBytes: 2000,
      },
    ]);
    expect(tiff.length).toBeLessThan(2200);
  });
});
