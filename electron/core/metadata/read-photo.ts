import { ApiError, errorInfo, type ErrorInfo } from '../../contract/errors';
import { definedOnly } from '../util/collections';
import { FIELDS, type FieldValues } from '../../../common/fields/catalog';
import { exifrParse } from './exifr';
import { stat } from 'node:fs/promises';
import { ByteSource } from '../formats/byte-source';
import { formatFromBytes, formatFromName, type PhotoFormat } from '../formats/detect';
import { isTruncated, readJpegLayout } from '../formats/jpeg-segments';
import { readIsoInfo } from '../formats/isobmff';
import { findIimInPhotoshop, iimFields, parseIim, decodeIimText } from './iim-read';
import { xmpFields, type XmpFields } from './xmp-read';
import { XmpRefusedError } from './xmp-guard';
import { jpegMetadataHead } from './jpeg-xmp';
import { jpegHasManifest, pngHasManifest } from '../credentials/presence';
import { T } from './exif-tags';
import { exifDateToIso, gpsFrom, num, tag, text } from './exif-values';

type Block = Record<string | number, unknown>;

/** The catalog's fields that EXIF-only tools keep in IFD0 tags, as read (a list reads as one text). */
export type ExifFields = Record<ExifFieldKey, string | null>;
type ExifFieldKey = Exclude<(typeof FIELDS)[number], { exif: null }>['key'];
type ExifTag = NonNullable<(typeof FIELDS)[number]['exif']>;
const EXIF_ROWS = FIELDS.flatMap((f) => (f.exif === null ? [] : [{ key: f.key, tag: f.exif }]));

function exifFields(byTag: (tag: ExifTag) => string | null): ExifFields {
  return Object.fromEntries(EXIF_ROWS.map((r) => [r.key, byTag(r.tag)])) as ExifFields;
}

/** Where a preview the browser can show lives inside the file, without decoding the image. */
export type EmbeddedPreview =
  { kind: 'exif-thumbnail' } | { kind: 'range'; offset: number; length: number } | null;

/** Everything read from one file (not yet merged with its sidecar). */
export interface PhotoRead {
  format: string;
  bytes: number;
  mtimeMs: number;
  /** As displayed, after orientation. */
  width: number | null;
  height: number | null;
  orientation: number | null;
  capturedAt: string | null;
  make: string | null;
  model: string | null;
  /** The camera body's serial (EXIF BodySerialNumber), for hot codes and per-camera clock fixes. */
  serial: string | null;
  lens: string | null;
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  focalLength: number | null;
  gps: { lat: number; lon: number } | null;
  rating: number | null;
  exif: ExifFields;
  iim: FieldValues;
  xmp: XmpFields;
  preview: EmbeddedPreview;
  /** True when a browser can display the file itself (JPEG, PNG). */
  browserDisplayable: boolean;
  error: string | null;
  /** `error` as a code the UI can say in the reader's language (absent in older caches). */
  errorInfo?: ErrorInfo | null;
  /** In English, for the CLI and logs. */
  warnings: string[];
  /** The same as codes, so the UI can say them in the reader's language. */
  notices: Notice[];
  /** Carries a C2PA manifest store (absent in older caches: read as false). */
  credentials?: boolean;
}

export type NoticeCode =
  | 'strayBytes'
  | 'truncated'
  | 'cmyk'
  | 'exifUnreadable'
  | 'noRawMetadata'
  | 'heicNoPreview'
  | 'xmpRefused';
export interface Notice {
  code: NoticeCode;
  detail: string;
}

function warn(r: PhotoRead, code: NoticeCode, text: string): void {
  r.warnings.push(text);
  r.notices.push({ code, detail: text });
}

const EXIFR_OPTIONS = {
  tiff: true,
  ifd1: true,
  exif: true,
  gps: true,
  interop: false,
  iptc: false,
  xmp: { parse: false },
  icc: false,
  jfif: false,
  ihdr: true,
  makerNote: false,
  userComment: false,
  multiSegment: true,
  mergeOutput: false,
  translateKeys: false,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
} as const;

export function emptyRead(format: string, bytes: number, mtimeMs: number): PhotoRead {
  return {
    format,
    bytes,
    mtimeMs,
    width: null,
    height: null,
    orientation: null,
    capturedAt: null,
    make: null,
    model: null,
    serial: null,
    lens: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    gps: null,
    rating: null,
    exif: exifFields(() => null),
    iim: {},
    xmp: {},
    preview: null,
    browserDisplayable: false,
    error: null,
    warnings: [],
    notices: [],
  };
}

/**
 * Read one photo's metadata from its headers only. Never throws for a bad file:
 * the problem lands in `error` (unreadable) or `warnings` (readable but damaged).
 */
export async function readPhoto(
  path: string,
  fileName: string,
  /** Size and time when the caller has just stat'ed the file (the index does): no second stat. */
  known?: { size: number; mtimeMs: number },
): Promise<PhotoRead> {
  let st;
  try {
    st = known ?? (await stat(path));
  } catch (err) {
    const r = emptyRead(formatFromName(fileName) ?? 'unknown', 0, 0);
    r.error = `cannot open ${fileName}: ${(err as Error).message}`;
    r.errorInfo = errorInfo(err, fileName, {
      code: 'photo-unreadable',
      params: { file: fileName },
    });
    return r;
  }
  const r = emptyRead(formatFromName(fileName) ?? 'unknown', st.size, st.mtimeMs);
  let src: ByteSource | null = null;
  try {
    src = await ByteSource.open(path, st.size);
    const head = await src.read(0, 16);
    if (head.length === 0)
      throw new ApiError('the file is empty', 'photo-empty', { file: fileName });
    const format: PhotoFormat | null = formatFromBytes(head) ?? formatFromName(fileName);
    r.format = format ?? 'unknown';
    if (format === 'JPEG') await readJpeg(src, r);
    else if (format === 'HEIC' || format === 'CR3') await readIso(src, r, path);
    else {
      await readWithExifr(
        path,
        r,
        fileName,
        format === 'PNG' ? pngSize(await src.read(0, 24)) : null,
      );
      if (format === 'PNG') r.credentials = await pngHasManifest(src);
    }
  } catch (err) {
    r.error = `${fileName}: ${describe(err)}`;
    r.errorInfo = readErrorInfo(err, r.format, fileName);
  } finally {
    await src?.close();
  }
  return r;
}

/**
 * A JPEG whose structure does not parse is broken; a file no reader knows is of an
 * unknown format; errno failures keep their own code.
 */
function readErrorInfo(err: unknown, format: string, file: string): ErrorInfo {
  const msg = (err as Error)?.message ?? '';
  if (/Unknown file format/i.test(msg)) return { code: 'photo-format-unknown', params: { file } };
  const fallback: ErrorInfo =
    format === 'JPEG'
      ? { code: 'jpeg-broken', params: { file } }
      : { code: 'photo-unreadable', params: { file } };
  return errorInfo(err, file, fallback);
}

function describe(err: unknown): string {
  const msg = (err as Error)?.message ?? String(err);
  if (/Unknown file format/i.test(msg)) return 'unknown or unsupported file format';
  return msg;
}

async function readJpeg(src: ByteSource, r: PhotoRead): Promise<void> {
  const layout = await readJpegLayout(src);
  for (const w of layout.warnings) warn(r, 'strayBytes', w);
  r.browserDisplayable = true;
  if (layout.sosOffset === null) throw new Error('no image data (no start-of-scan marker)');
  if (await isTruncated(src, layout.sosOffset))
    warn(r, 'truncated', 'the image data is truncated (no end-of-image marker)');
  if (layout.components === 4) warn(r, 'cmyk', 'CMYK JPEG: exports are converted to sRGB');
  r.credentials = await jpegHasManifest(src, layout.segments);
  const app13 = layout.segments.find((s) => s.marker === 0xed);
  if (app13) {
    const payload = await src.read(app13.dataOffset, app13.dataLength);
    const iim = findIimInPhotoshop(payload);
    if (iim) r.iim = iimFields(parseIim(iim));
  }
  // Every metadata segment sits before SOS, so exifr parses that head and nothing else; the
  // XMP is taken out first and read here, within bounds.
  const head = await jpegMetadataHead(src, layout);
  if (head.xmpRefused) refuseXmp(r, head.xmpRefused);
  else readXmp(r, head.xmpPackets);
  const out = (await exifrParse(head.exifrHead, { ...EXIFR_OPTIONS, xmp: false }).catch(
    (e: Error) => {
      warn(r, 'exifUnreadable', `EXIF could not be read: ${e.message}`);
      return undefined;
    },
  )) as Record<string, Block> | undefined;
  applyExifr(out ?? {}, r);
  applyOrientation(r, layout.width, layout.height);
  if (out?.ifd1?.[513] && out.ifd1[514]) r.preview = { kind: 'exif-thumbnail' };
}

async function readIso(src: ByteSource, r: PhotoRead, path: string): Promise<void> {
  const info = await readIsoInfo(src);
  r.credentials = info.c2pa;
  if (r.format === 'CR3') {
    // exifr does not know CR3; its metadata are plain TIFF blocks in Canon's boxes.
    const merged: Record<string, Block> = { ifd0: {}, exif: {}, gps: {} };
    for (const b of info.tiffBlocks) {
      const parsed = (await exifrParse(b.data, EXIFR_OPTIONS).catch(() => undefined)) as
        Record<string, Block> | undefined;
      const target =
        b.name === 'CMT1' ? 'ifd0' : b.name === 'CMT2' ? 'exif' : b.name === 'CMT4' ? 'gps' : null;
      if (parsed?.ifd0 && target) Object.assign(merged[target]!, parsed.ifd0);
      if (parsed?.gps) Object.assign(merged.gps!, parsed.gps);
    }
    if (info.xmp) (merged as Record<string, unknown>).xmp = info.xmp;
    applyExifr(merged, r);
    const w = num(tag(merged.ifd0, T.ImageWidth));
    const h = num(tag(merged.ifd0, T.ImageHeight));
    applyOrientation(r, w, h);
    if (info.preview)
      r.preview = { kind: 'range', offset: info.preview.offset, length: info.preview.length };
    if (!info.tiffBlocks.length) warn(r, 'noRawMetadata', 'no Canon metadata boxes found');
    return;
  }
  const out = (await exifrParse(path, EXIFR_OPTIONS).catch(() => undefined)) as
    Record<string, Block> | undefined;
  applyExifr(out ?? {}, r);
  // HEIF rotation is the `irot` property; EXIF orientation in a HEIC only repeats it.
  const quarter = info.rotation === 90 || info.rotation === 270;
  r.width = quarter ? info.height : info.width;
  r.height = quarter ? info.width : info.height;
  warn(r, 'heicNoPreview', 'HEIC: metadata only, no preview (this build has no HEVC decoder)');
}

/** IHDR is always the first chunk: width and height at bytes 16 and 20. */
function pngSize(head: Buffer): [number, number] | null {
  return head.length >= 24 && head.toString('latin1', 12, 16) === 'IHDR'
    ? [head.readUInt32BE(16), head.readUInt32BE(20)]
    : null;
}

async function readWithExifr(
  path: string,
  r: PhotoRead,
  fileName: string,
  knownSize: [number, number] | null,
): Promise<void> {
  const out = (await exifrParse(path, { ...EXIFR_OPTIONS, iptc: true })) as
    Record<string, Block> | undefined;
  if (!out) throw new Error(`${fileName} has no readable image header`);
  applyExifr(out, r);
  if (out.iptc) r.iim = redecodeExifrIptc(out.iptc);
  const w = knownSize?.[0] ?? num(tag(out.ifd0, T.ImageWidth));
  const h = knownSize?.[1] ?? num(tag(out.ifd0, T.ImageHeight));
  applyOrientation(r, w, h);
  r.browserDisplayable = r.format === 'PNG';
  if (out.ifd1?.[513] && out.ifd1[514]) r.preview = { kind: 'exif-thumbnail' };
}

function applyOrientation(r: PhotoRead, w: number | null, h: number | null): void {
  const swap = r.orientation !== null && r.orientation >= 5 && r.orientation <= 8;
  r.width = swap ? h : w;
  r.height = swap ? w : h;
}

function applyExifr(out: Record<string, Block | undefined>, r: PhotoRead): void {
  const ifd0 = out.ifd0;
  const exif = out.exif;
  r.make = text(tag(ifd0, T.Make))?.trim() ?? null;
  r.model = text(tag(ifd0, T.Model))?.trim() ?? null;
  const o = num(tag(ifd0, T.Orientation));
  r.orientation = o !== null && o >= 1 && o <= 8 ? o : null;
  r.lens = text(tag(exif, T.LensModel))?.trim() ?? null;
  r.serial = text(tag(exif, T.BodySerialNumber))?.trim() || null;
  r.exposureTime = num(tag(exif, T.ExposureTime));
  r.fNumber = num(tag(exif, T.FNumber));
  r.iso = num(tag(exif, T.ISO));
  r.focalLength = num(tag(exif, T.FocalLength));
  r.rating = num(tag(ifd0, T.Rating));
  r.gps = gpsFrom(out.gps);
  // Some phones put ImageDescription in the EXIF sub-IFD rather than IFD0.
  const tags: Record<ExifTag, string | null> = {
    ImageDescription: text(tag(ifd0, T.ImageDescription), tag(exif, T.ImageDescription)),
    Artist: text(tag(ifd0, T.Artist))?.trim() ?? null,
    Copyright: text(tag(ifd0, T.Copyright)),
  };
  r.exif = exifFields((t) => tags[t]);
  const xmpPacket = out.xmp as unknown;
  if (typeof xmpPacket === 'string') readXmp(r, [xmpPacket]);
  r.capturedAt =
    exifDateToIso(tag(exif, T.DateTimeOriginal), tag(exif, T.OffsetTimeOriginal)) ??
    xmpDate(r.xmp.dateTimeOriginal);
}

/** A refused packet leaves the photo listed with its other metadata and says why. */
function readXmp(r: PhotoRead, packets: string[]): void {
  if (!packets.length) return;
  try {
    r.xmp = xmpFields(...packets);
  } catch (err) {
    if (!(err instanceof XmpRefusedError)) throw err;
    refuseXmp(r, err.reason);
  }
}

function refuseXmp(r: PhotoRead, reason: string): void {
  warn(r, 'xmpRefused', `embedded XMP refused: ${reason}; its fields are ignored`);
}

function xmpDate(v: string | undefined): string | null {
  return v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/.test(v) ? v : null;
}

/**
 * exifr turned each IIM byte into one char (Latin-1); get the bytes back and decode
 * them properly. Without the raw record 1 we cannot see 1:90, so detection decides.
 */
function redecodeExifrIptc(iptc: Block): FieldValues {
  const dec = (v: unknown) =>
    typeof v === 'string' ? decodeIimText(Buffer.from(v, 'latin1'), false) : undefined;
  const decList = (v: unknown) =>
    Array.isArray(v)
      ? v.map(dec).filter((s): s is string => !!s)
      : typeof v === 'string'
        ? [dec(v)!]
        : undefined;
  // exifr keys IIM by dataset number; a date is left to the JPEG path, which has 2:55 and 2:60.
  const f = Object.fromEntries(
    FIELDS.flatMap((spec) =>
      spec.iim && spec.kind !== 'date'
        ? [[spec.key, (spec.iim.repeatable ? decList : dec)(iptc[spec.iim.dataset])]]
        : [],
    ),
  ) as FieldValues;
  return definedOnly(f);
}
