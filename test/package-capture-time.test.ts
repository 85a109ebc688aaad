/**
 * Every JPEG fixture exported through a real package, read back by ExifTool: IIM 2:60 and
 * XMP DateCreated carry the source's real offset (or the event zone's), and IIM 2:100 the
 * ISO 3166-1 alpha-3 country code while XMP keeps the code as entered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../electron/contract/package-manifest';
import { zoneOffset } from '../common/time/time-zone';
import {
  expectAllExported,
  packageAllJpegs,
  type AllJpegsPackage,
} from './helpers/all-jpegs-package';
import { exiftool, hasExiftool } from './helpers/exiftool';

/** Not the test machine's zone, and with summer time, so the event's zone is visibly used. */
const EVENT_ZONE = 'Europe/Berlin';

const offsetIn = (v: unknown): string | null => {
  const m = typeof v === 'string' ? /(Z|[+-]\d{2}:\d{2})$/.exec(v) : null;
  return m ? (m[1] === 'Z' ? '+00:00' : m[1]!) : null;
};
/** ExifTool's "2021:06:27 18:23:07.64" as ISO, for the zone's offset on that date. */
const isoOf = (v: string) => v.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
const hasTime = (v: unknown) => typeof v === 'string' && /\d{2}:\d{2}(:\d{2})?/.test(v.slice(10));

describe.skipIf(!hasExiftool)('capture time and country in every exported JPEG fixture', () => {
  let pkg: AllJpegsPackage;
  let manifest: Manifest;
  let exported: Record<string, unknown>[];
  let sources: Record<string, unknown>[];

  beforeAll(async () => {
    pkg = await packageAllJpegs({
      headline: 'Múi giờ và mã nước',
      timeZone: EVENT_ZONE,
      fields: { countryCode: 'DE', country: 'Đức', credit: 'Báo Lào Cai' },
    });
    ({ manifest } = pkg);
    exported = await exiftool(pkg.exportedPaths);
    sources = await exiftool(pkg.sourcePaths);
  }, 240_000);

  afterAll(async () => {
    await pkg?.close();
  });

  it('exports every JPEG fixture but the damaged ones, and never touches the originals', () =>
    expectAllExported(pkg));

  it("writes IIM 2:60 and XMP DateCreated with the source's offset, else the event zone's", () => {
    const noTime: string[] = [];
    manifest.photos.forEach((p, i) => {
      const t = exported[i]!;
      const s = sources[i]!;
      const time = t['IPTC:TimeCreated'];
      const xmpDate = s['XMP-photoshop:DateCreated'];
      if (time === undefined) {
        noTime.push(p.source.file);
        // Only a source whose own creation date has no time exports none…
        expect(hasTime(xmpDate ?? s['IPTC:TimeCreated']), p.source.file).toBe(false);
        // …or a source with no creation date at all and no capture time to fall back on.
        if (xmpDate === undefined && s['IPTC:DateCreated'] === undefined)
          expect(s['ExifIFD:DateTimeOriginal'], p.source.file).toBeUndefined();
        return;
      }
      const chosen = String(
        xmpDate ??
          (s['IPTC:DateCreated'] ? `${s['IPTC:DateCreated']} ${s['IPTC:TimeCreated']}` : null) ??
          s['ExifIFD:DateTimeOriginal'],
      );
      const expected =
        (hasTime(xmpDate) ? offsetIn(xmpDate) : null) ??
        offsetIn(s['ExifIFD:OffsetTimeOriginal']) ??
        offsetIn(s['IPTC:TimeCreated']) ??
        offsetIn(xmpDate) ??
        zoneOffset(isoOf(chosen), EVENT_ZONE);
      expect(offsetIn(time), `${p.source.file}: ${String(time)}`).toBe(expected);
      expect(offsetIn(t['XMP-photoshop:DateCreated']), p.source.file).toBe(expected);
    });
    // No date at all (S40), a date alone (Fujifilm, the IPTC reference, Getty's first IIM
    // block) or only xmp:CreateDate (the CMYK artwork): every other fixture has its time.
    expect(noTime.sort()).toEqual([
      'canon-s40-no-exif.jpg',
      'cmyk-photoshop.jpg',
      'fujifilm-s2pro-iptc-caption.jpg',
      'getty-eos1d-iptc-caption.jpg',
      'iptc-reference-nikon-d2x.jpg',
    ]);
  });

  it('fixes the Nikon D3S: 18:23:07+02:00, not the +00:00 a zone-less XMP date gave', () => {
    const i = manifest.photos.findIndex((p) => p.source.file === 'nikon-d3s-lightroom-iptc.jpg');
    expect(exported[i]!['IPTC:DateCreated']).toBe('2021:06:27');
    expect(exported[i]!['IPTC:TimeCreated']).toBe('18:23:07+02:00');
    expect(exported[i]!['XMP-photoshop:DateCreated']).toMatch(
      /^2021:06:27 18:23:07(\.64)?\+02:00$/,
    );
  });

  it("gives a photo without any offset the event zone's, summer time included", () => {
    // Leica T, 24 April 2014, no offset anywhere in the file: Berlin was on summer time.
    const i = manifest.photos.findIndex((p) => p.source.file === 'leica-t-orient8.jpg');
    expect(exported[i]!['IPTC:TimeCreated']).toBe('12:18:42+02:00');
    // Canon EOS 7D, 12 December 2010, no offset either: Berlin was on winter time.
    const w = manifest.photos.findIndex((p) => p.source.file === 'canon-eos7d-latin1-iptc-xmp.jpg');
    expect(exported[w]!['IPTC:TimeCreated']).toBe('12:41:35+01:00');
  });

  it('writes 2:100 as the 3-letter code and XMP CountryCode as entered', () => {
    manifest.photos.forEach((p, i) => {
      expect(exported[i]!['IPTC:Country-PrimaryLocationCode'], p.file).toBe('DEU');
      expect(exported[i]!['XMP-iptcCore:CountryCode'], p.file).toBe('DE');
    });
  });
});
