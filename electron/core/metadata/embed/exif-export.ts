/**
 * The EXIF of an exported photo, written fresh from the source's values.
 *
 * sharp's keepExif() copies the camera's block as libvips re-serialises it, and ExifTool's
 * validator then finds faults the original did not have: a 0-byte CFAPattern2 moved to the
 * wrong IFD, no ComponentsConfiguration or YCbCrPositioning, maker-note pointers that no
 * longer point at their data (Olympus). So the export keeps only what a desk reads – camera,
 * lens, exposure, capture time with its offset, artist, copyright, GPS when the preset keeps
 * it – and adds the tags ExifTool requires of a JPEG. Maker notes, thumbnails, interop
 * blocks and any tag not listed here are left behind.
 */
import {
  layoutIfd,
  rationalEntry,
  rawEntry,
  shortEntry,
  type NewEntry,
  type OutEntry,
} from './ifd-layout';
import { isPlaceholder } from '../placeholders';
import { ASCII, LONG, Tiff, type Ifd, type IfdEntry } from './tiff';

const UNDEFINED = 7;

const IFD0_KEPT = new Set([
  0x010f, // Make
  0x0110, // Model
  0x011a, // XResolution
  0x011b, // YResolution
  0x0128, // ResolutionUnit
  0x0131, // Software
  0x0132, // DateTime (ModifyDate)
  0x013b, // Artist
  0x8298, // Copyright
]);

const EXIF_KEPT = new Set([
  0x829a, // ExposureTime
  0x829d, // FNumber
  0x8822, // ExposureProgram
  0x8827, // ISO
  0x8830, // SensitivityType
  0x8832, // RecommendedExposureIndex
  0x9000, // ExifVersion
  0x9003, // DateTimeOriginal
  0x9004, // CreateDate
  0x9010, // OffsetTime
  0x9011, // OffsetTimeOriginal
  0x9012, // OffsetTimeDigitized
  0x9201, // ShutterSpeedValue
  0x9202, // ApertureValue
  0x9203, // BrightnessValue
  0x9204, // ExposureCompensation
  0x9205, // MaxApertureValue
  0x9206, // SubjectDistance
  0x9207, // MeteringMode
  0x9208, // LightSource
  0x9209, // Flash
  0x920a, // FocalLength
  0x9290, // SubSecTime
  0x9291, // SubSecTimeOriginal
  0x9292, // SubSecTimeDigitized
  0xa402, // ExposureMode
  0xa403, // WhiteBalance
  0xa404, // DigitalZoomRatio
  0xa405, // FocalLengthIn35mmFormat
  0xa406, // SceneCaptureType
  0xa408, // Contrast
  0xa409, // Saturation
  0xa40a, // Sharpness
  0xa40c, // SubjectDistanceRange
  0xa430, // OwnerName
  0xa431, // SerialNumber
  0xa432, // LensInfo
  0xa433, // LensMake
  0xa434, // LensModel
  0xa435, // LensSerialNumber
]);

const TAG = {
  Make: 0x010f,
  Artist: 0x013b,
  Copyright: 0x8298,
  XResolution: 0x011a,
  YResolution: 0x011b,
  ResolutionUnit: 0x0128,
  DateTime: 0x0132,
  YCbCrPositioning: 0x0213,
  ExifIFD: 0x8769,
  GPS: 0x8825,
  ExifVersion: 0x9000,
  DateTimeOriginal: 0x9003,
  CreateDate: 0x9004,
  OffsetTime: 0x9010,
  OffsetTimeOriginal: 0x9011,
  OffsetTimeDigitized: 0x9012,
  ComponentsConfiguration: 0x9101,
  FlashpixVersion: 0xa000,
  ColorSpace: 0xa001,
  PixelXDimension: 0xa002,
  PixelYDimension: 0xa003,
} as const;

export interface ExportExifOptions {
  /** Keep the GPS IFD (the preset may strip it). */
  keepGps: boolean;
  /** The exported pixels' size, for PixelXDimension/PixelYDimension. */
  width: number;
  height: number;
  /**
   * The capture time's UTC offset ("+02:00") when known: written as OffsetTimeOriginal
   * when the source has none, and as OffsetTime/OffsetTimeDigitized for times that read
   * the same clock (equal to DateTimeOriginal).
   */
  captureOffset: string | null;
}

/**
 * The TIFF block (the bytes after "Exif\0\0") for an export, from the source's EXIF
 * APP1 payload or TIFF block (null when the source has none or it cannot be read). It
 * keeps the source's byte order, so copied values stay valid byte for byte. IFD0 comes
 * last with its values before its table, so the embedder extends it in place.
 */
export function exportExif(source: Buffer | null, opts: ExportExifOptions): Buffer {
  const tiff = readable(source);
  const le = tiff?.le ?? false;
  const ifd0 = tiff ? safeIfd(tiff, tiff.ifd0) : null;
  const exif = tiff && ifd0 ? subIfd(tiff, ifd0, TAG.ExifIFD) : null;
  const gps = tiff && ifd0 && opts.keepGps ? subIfd(tiff, ifd0, TAG.GPS) : null;

  const exifEntries = new Map<number, NewEntry>();
  if (tiff && exif) for (const e of exif.entries) copyTo(exifEntries, tiff, e, EXIF_KEPT);
  const text = (tag: number) => {
    const e = exifEntries.get(tag);
    return e && e.type === ASCII ? e.data.toString('latin1').replace(/\0+$/, '') : undefined;
  };
  const ifd0Entries = new Map<number, NewEntry>();
  if (tiff && ifd0) for (const e of ifd0.entries) copyTo(ifd0Entries, tiff, e, IFD0_KEPT);
  const ifd0Text = (tag: number) => {
    const e = ifd0Entries.get(tag);
    return e && e.type === ASCII ? e.data.toString('latin1').replace(/\0+$/, '') : undefined;
  };

  // "null", "none" or the camera's make where a name belongs is no artist or copyright.
  for (const tag of [TAG.Artist, TAG.Copyright]) {
    const value = ifd0Text(tag);
    if (value !== undefined && isPlaceholder(value, ifd0Text(TAG.Make))) ifd0Entries.delete(tag);
  }

  // Required of a JPEG's ExifIFD by ExifTool's validator (and by the EXIF spec).
  if (!exifEntries.has(TAG.ExifVersion))
    exifEntries.set(TAG.ExifVersion, undefinedEntry(TAG.ExifVersion, '0232'));
  exifEntries.set(TAG.ComponentsConfiguration, {
    tag: TAG.ComponentsConfiguration,
    type: UNDEFINED,
    count: 4,
    data: Buffer.from([1, 2, 3, 0]),
  });
  exifEntries.set(TAG.FlashpixVersion, undefinedEntry(TAG.FlashpixVersion, '0100'));
  // The export is converted to sRGB, whatever the source was.
  exifEntries.set(TAG.ColorSpace, shortEntry(TAG.ColorSpace, 1, le));
  exifEntries.set(TAG.PixelXDimension, longEntry(TAG.PixelXDimension, opts.width, le));
  exifEntries.set(TAG.PixelYDimension, longEntry(TAG.PixelYDimension, opts.height, le));

  const original = text(TAG.DateTimeOriginal);
  const offset = (original && (text(TAG.OffsetTimeOriginal) ?? opts.captureOffset)) || null;
  if (original && offset) {
    setOffset(exifEntries, TAG.OffsetTimeOriginal, offset);
    if (text(TAG.CreateDate) === original) setOffset(exifEntries, TAG.OffsetTimeDigitized, offset);
    if (ifd0Text(TAG.DateTime) === original) setOffset(exifEntries, TAG.OffsetTime, offset);
    // The offset tags came with EXIF 2.31; an older version number would make them invalid.
    const version = exifEntries.get(TAG.ExifVersion)!.data.toString('latin1');
    if (!(version >= '0231'))
      exifEntries.set(TAG.ExifVersion, undefinedEntry(TAG.ExifVersion, '0232'));
  }

  if (!ifd0Entries.has(TAG.XResolution) || !ifd0Entries.has(TAG.YResolution)) {
    ifd0Entries.set(TAG.XResolution, rationalEntry(TAG.XResolution, 72, 1, le));
    ifd0Entries.set(TAG.YResolution, rationalEntry(TAG.YResolution, 72, 1, le));
    ifd0Entries.set(TAG.ResolutionUnit, shortEntry(TAG.ResolutionUnit, 2, le));
  }
  if (!ifd0Entries.has(TAG.ResolutionUnit))
    ifd0Entries.set(TAG.ResolutionUnit, shortEntry(TAG.ResolutionUnit, 2, le));
  // libvips writes JFIF-style centred chroma.
  ifd0Entries.set(TAG.YCbCrPositioning, shortEntry(TAG.YCbCrPositioning, 1, le));

  const header = Buffer.alloc(8);
  header.write(le ? 'II' : 'MM', 0, 'latin1');
  if (le) header.writeUInt16LE(42, 2);
  else header.writeUInt16BE(42, 2);

  const parts: Buffer[] = [header];
  let at = 8;
  const exifAt = at;
  const exifBlock = layoutIfd(sorted(exifEntries), exifAt, 0, le);
  parts.push(exifBlock);
  at += exifBlock.length;
  ifd0Entries.set(TAG.ExifIFD, longEntry(TAG.ExifIFD, exifAt, le));

  if (tiff && gps) {
    const gpsEntries = new Map<number, NewEntry>();
    for (const e of gps.entries) copyTo(gpsEntries, tiff, e, null);
    if (gpsEntries.size) {
      at += pad(parts, at);
      const gpsBlock = layoutIfd(sorted(gpsEntries), at, 0, le);
      ifd0Entries.set(TAG.GPS, longEntry(TAG.GPS, at, le));
      parts.push(gpsBlock);
      at += gpsBlock.length;
    }
  }

  // IFD0's values first, then its table, which ends the block.
  const out: OutEntry[] = [];
  for (const e of sorted(ifd0Entries)) {
    if (e.data.length <= 4) {
      out.push(e);
      continue;
    }
    at += pad(parts, at);
    out.push(rawEntry(e, at, le));
    parts.push(e.data);
    at += e.data.length;
  }
  at += pad(parts, at);
  parts.push(layoutIfd(out, at, 0, le));
  const block = Buffer.concat(parts);
  if (le) block.writeUInt32LE(at, 4);
  else block.writeUInt32BE(at, 4);
  return block;
}

function readable(source: Buffer | null): Tiff | null {
  if (!source) return null;
  const tiffBytes = source.toString('latin1', 0, 6) === 'Exif\0\0' ? source.subarray(6) : source;
  try {
    return new Tiff(tiffBytes);
  } catch {
    return null;
  }
}

function safeIfd(tiff: Tiff, at: number): Ifd | null {
  try {
    return tiff.readIfd(at);
  } catch {
    return null;
  }
}

function subIfd(tiff: Tiff, ifd: Ifd, tag: number): Ifd | null {
  const e = ifd.entries.find((x) => x.tag === tag);
  return e && e.size === 4 ? safeIfd(tiff, tiff.u32(e.valueAt)) : null;
}

/** Copy an entry's value when the tag is wanted and the value is really there (no 0-byte tags). */
function copyTo(
  to: Map<number, NewEntry>,
  tiff: Tiff,
  e: IfdEntry,
  wanted: Set<number> | null,
): void {
  if (wanted && !wanted.has(e.tag)) return;
  if (e.size === 0 || e.count === 0 || e.valueAt + e.size > tiff.buf.length) return;
  const data = Buffer.from(tiff.buf.subarray(e.valueAt, e.valueAt + e.size));
  if (e.type === ASCII && data.every((b) => b === 0 || b === 0x20)) return;
  to.set(e.tag, { tag: e.tag, type: e.type, count: e.count, data });
}

function setOffset(to: Map<number, NewEntry>, tag: number, offset: string): void {
  const data = Buffer.from(`${offset}\0`, 'latin1');
  to.set(tag, { tag, type: ASCII, count: data.length, data });
}

function undefinedEntry(tag: number, value: string): NewEntry {
  return { tag, type: UNDEFINED, count: 4, data: Buffer.from(value, 'latin1') };
}

function longEntry(tag: number, value: number, le: boolean): NewEntry {
  const data = Buffer.alloc(4);
  if (le) data.writeUInt32LE(value);
  else data.writeUInt32BE(value);
  return { tag, type: LONG, count: 1, data };
}

function sorted(entries: Map<number, NewEntry>): NewEntry[] {
  return [...entries.values()].sort((a, b) => a.tag - b.tag);
}

/** Word-align the next part (TIFF offsets should be even). */
function pad(parts: Buffer[], at: number): number {
  if (!(at & 1)) return 0;
  parts.push(Buffer.alloc(1));
  return 1;
}
