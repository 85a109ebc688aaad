import { describe, expect, it } from 'vitest';
import { fixtureTiff } from './testing/fixture-tiff';
import { exportExif } from './exif-export';
import { Tiff, type Ifd } from './tiff';

function tags(t: Tiff, ifd: Ifd | undefined): number[] {
  return ifd ? ifd.entries.map((e) => e.tag) : [];
}

function sub(t: Tiff, ifd: Ifd, tag: number): Ifd | undefined {
  const e = ifd.entries.find((x) => x.tag === tag);
  return e && t.readIfd(t.u32(e.valueAt));
}

const opts = { keepGps: true, width: 800, height: 600, captureOffset: '+07:00' };

describe('exportExif', () => {
  it("keeps the source's byte order and drops the maker note, IFD1 and interop block", () => {
    const source = new Tiff(fixtureTiff('olympus-ep3-boilerplate-description.jpg'));
    const srcExif = sub(source, source.readIfd(source.ifd0), 0x8769)!;
    expect(tags(source, srcExif)).toContain(0x927c);
    expect(tags(source, srcExif)).toContain(0xa005);
    expect(source.readIfd(source.ifd0).next).not.toBe(0);
    const t = new Tiff(exportExif(fixtureTiff('olympus-ep3-boilerplate-description.jpg'), opts));
    expect(t.le).toBe(source.le);
    const ifd0 = t.readIfd(t.ifd0);
    expect(ifd0.next).toBe(0);
    const exif = sub(t, ifd0, 0x8769)!;
    expect(tags(t, exif)).not.toContain(0x927c);
    expect(tags(t, exif)).not.toContain(0xa005);
    // Tables are sorted, as TIFF requires.
    for (const ifd of [ifd0, exif])
      expect(tags(t, ifd)).toEqual([...tags(t, ifd)].sort((a, b) => a - b));
  });

  it('ends the block with IFD0, so the embedder can extend it in place', () => {
    const block = exportExif(fixtureTiff('leica-t-orient8.jpg'), opts);
    const t = new Tiff(block);
    const ifd0 = t.readIfd(t.ifd0);
    expect(ifd0.at + 2 + 12 * ifd0.entries.length + 4).toBe(block.length);
  });

  it('keeps the GPS IFD only when asked', () => {
    const src = fixtureTiff('iphone5-orient3-gps.jpg');
    const withGps = new Tiff(exportExif(src, opts));
    expect(tags(withGps, withGps.readIfd(withGps.ifd0))).toContain(0x8825);
    const without = new Tiff(exportExif(src, { ...opts, keepGps: false }));
    expect(tags(without, without.readIfd(without.ifd0))).not.toContain(0x8825);
  });

  it('builds the required tags from nothing, with no capture time to give an offset to', () => {
    const t = new Tiff(exportExif(null, opts));
    const ifd0 = t.readIfd(t.ifd0);
    expect(tags(t, ifd0)).toEqual([0x011a, 0x011b, 0x0128, 0x0213, 0x8769]);
    expect(tags(t, sub(t, ifd0, 0x8769))).toEqual([0x9000, 0x9101, 0xa000, 0xa001, 0xa002, 0xa003]);
  });

  it('treats an unreadable block as none', () => {
    const t = new Tiff(exportExif(Buffer.from('Exif\0\0garbage', 'latin1'), opts));
    expect(tags(t, t.readIfd(t.ifd0))).toContain(0x8769);
  });
});
