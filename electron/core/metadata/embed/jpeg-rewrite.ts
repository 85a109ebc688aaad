import { findIimInPhotoshop } from '../iim-read';
import { writeExif, type Resolution } from './exif-write';
import { FIELDS } from '../../../../common/fields/catalog';
import { parseEmbedFields, type EmbedFields } from './fields';
import { buildIim } from './iim-write';
import { patchMpf } from './mpf';
import { parseResources, withIim } from './photoshop-irb';
import {
  PHOTOSHOP_SIGNATURE,
  payloadOf,
  segmentBytes,
  splitJpeg,
  startsWith,
  XMP_EXTENSION_SIGNATURE,
  XMP_SIGNATURE,
  type JpegParts,
  type Segment,
} from './segments';
import type { Truncation } from './text-cut';
import { buildXmp } from './xmp-embed';

export interface EmbedOptions {
  /** Keep the EXIF GPS IFD and XMP exif:GPS* properties; default true. */
  keepGps?: boolean;
  /** Set EXIF Orientation to this (1 after the pixels were rotated). */
  orientation?: number;
}

export interface EmbedReport {
  /** Each IIM or EXIF value cut to its byte limit; XMP always has the full text. */
  truncated: Truncation[];
  extendedXmp: boolean;
  /** What the writer dropped besides the values it replaced: stale copies, garbage, duplicates. */
  removed: string[];
}

const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;

interface Found {
  jfif: Segment | null;
  exif: Segment | null;
  xmp: Segment | null;
  xmpExtensions: Segment[];
  icc: Segment[];
  photoshop: Segment[];
  others: Segment[];
}

/**
 * Write the fields into all three homes (EXIF, XMP, IIM) of a JPEG without touching the
 * image: everything from the first marker that is not APPn/COM (DQT, SOF, DHT, SOS, the
 * entropy-coded data, EOI and whatever follows) is copied byte for byte.
 */
export function embedMetadata(
  jpeg: Buffer,
  input: EmbedFields,
  opts: EmbedOptions = {},
): { jpeg: Buffer; report: EmbedReport } {
  const fields = parseEmbedFields(input);
  const keepGps = opts.keepGps ?? true;
  const { orientation } = opts;
  if (
    orientation !== undefined &&
    !(Number.isInteger(orientation) && orientation >= 1 && orientation <= 8)
  )
    throw new Error(`orientation must be an integer from 1 to 8, not ${orientation}`);
  const report: EmbedReport = { truncated: [], extendedXmp: false, removed: [] };
  const parts = splitJpeg(jpeg);
  if (parts.strayHeadBytes)
    report.removed.push(`${parts.strayHeadBytes} stray bytes between the header segments`);
  const found = classify(jpeg, [...parts.head, ...parts.bodyMeta], report.removed);

  const tiff = exifBlock(jpeg, found, fields, { keepGps, orientation }, report);
  const xmp = buildXmp(
    found.xmp ? payloadOf(jpeg, found.xmp) : null,
    found.xmpExtensions.map((s) => payloadOf(jpeg, s)),
    fields,
    { keepGps, orientation },
    report.removed,
  );
  report.extendedXmp = xmp.extended;

  const head: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (found.jfif) head.push(jpeg.subarray(found.jfif.start, found.jfif.end));
  if (tiff) head.push(segmentBytes(APP1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])));
  for (const p of xmp.payloads) head.push(segmentBytes(APP1, p));
  for (const s of found.icc) head.push(jpeg.subarray(s.start, s.end));
  for (const p of photoshopPayloads(jpeg, found, fields, report)) head.push(segmentBytes(APP13, p));
  head.push(...otherSegments(jpeg, found.others, parts, head));
  return {
    jpeg: Buffer.concat([...head, ...bodyWithoutMetadata(jpeg, parts.bodyStart, parts.bodyMeta)]),
    report,
  };
}

function exifBlock(
  jpeg: Buffer,
  found: Found,
  fields: EmbedFields,
  opts: { keepGps: boolean; orientation?: number },
  report: EmbedReport,
): Buffer | null {
  try {
    return writeExif(
      found.exif ? payloadOf(jpeg, found.exif).subarray(6) : null,
      {
        description: exifValue(fields, 'ImageDescription'),
        artist: exifValue(fields, 'Artist'),
        copyright: exifValue(fields, 'Copyright'),
        ...opts,
      },
      found.jfif ? jfifResolution(payloadOf(jpeg, found.jfif)) : null,
      report.truncated,
      report.removed,
    );
  } catch (err) {
    throw new Error(`cannot rewrite the file's EXIF: ${(err as Error).message}`);
  }
}

/**
 * APP13 payloads: the file's Photoshop resources with the new IIM. One segment almost
 * always; resources over 64 KB continue in further APP13 segments, which readers join.
 */
function photoshopPayloads(
  jpeg: Buffer,
  found: Found,
  fields: EmbedFields,
  report: EmbedReport,
): Buffer[] {
  const sig = Buffer.from(PHOTOSHOP_SIGNATURE, 'latin1');
  const data = Buffer.concat(found.photoshop.map((s) => payloadOf(jpeg, s).subarray(sig.length)));
  const { resources, garbage } = parseResources(data);
  if (garbage)
    report.removed.push(`${garbage} unreadable bytes after the Photoshop resources in APP13`);
  const iim = buildIim(findIimInPhotoshop(Buffer.concat([sig, data])), fields, report.truncated);
  const irb = withIim(resources, iim);
  const room = 65533 - sig.length;
  const out: Buffer[] = [];
  for (let i = 0; i < irb.length; i += room)
    out.push(Buffer.concat([sig, irb.subarray(i, i + room)]));
  return out;
}

/** The other APPn and COM segments, unchanged but for MPF offsets. */
function otherSegments(
  jpeg: Buffer,
  others: Segment[],
  parts: JpegParts,
  before: Buffer[],
): Buffer[] {
  let at = before.reduce((n, b) => n + b.length, 0);
  const othersLength = others.reduce((n, s) => n + s.end - s.start, 0);
  const newSos =
    at + othersLength + (parts.sosOffset - parts.bodyStart) - metaBytes(parts.bodyMeta);
  return others.map((s) => {
    let bytes = jpeg.subarray(s.start, s.end);
    if (s.marker === APP2 && startsWith(jpeg, s, 'MPF\0')) {
      // The MPF header follows the marker, the length and "MPF\0".
      const patched = patchMpf(
        payloadOf(jpeg, s),
        s.payloadStart + 4,
        at + 8,
        (old) => old - parts.sosOffset + newSos,
      );
      bytes = Buffer.concat([bytes.subarray(0, 4), patched]);
    }
    at += bytes.length;
    return bytes;
  });
}

function classify(jpeg: Buffer, segments: Segment[], removed: string[]): Found {
  const f: Found = {
    jfif: null,
    exif: null,
    xmp: null,
    xmpExtensions: [],
    icc: [],
    photoshop: [],
    others: [],
  };
  for (const s of segments) {
    if (s.marker === APP0 && !f.jfif && startsWith(jpeg, s, 'JFIF\0')) f.jfif = s;
    else if (s.marker === APP1 && startsWith(jpeg, s, 'Exif\0')) {
      if (f.exif) removed.push('a second EXIF APP1 segment');
      else f.exif = s;
    } else if (s.marker === APP1 && startsWith(jpeg, s, XMP_SIGNATURE)) {
      if (f.xmp) removed.push('a second standard XMP APP1 segment');
      else f.xmp = s;
    } else if (s.marker === APP1 && startsWith(jpeg, s, XMP_EXTENSION_SIGNATURE))
      f.xmpExtensions.push(s);
    else if (s.marker === APP2 && startsWith(jpeg, s, 'ICC_PROFILE\0')) f.icc.push(s);
    else if (s.marker === APP13 && startsWith(jpeg, s, PHOTOSHOP_SIGNATURE)) f.photoshop.push(s);
    else f.others.push(s);
  }
  return f;
}

/** JFIF density as EXIF resolution, for a new EXIF block; null when JFIF gives only an aspect ratio. */
function jfifResolution(payload: Buffer): Resolution | null {
  if (payload.length < 12) return null;
  const units = payload[7];
  const x = payload.readUInt16BE(8);
  const y = payload.readUInt16BE(10);
  if ((units !== 1 && units !== 2) || !x || !y) return null;
  return { x, y, unit: units === 1 ? 2 : 3 };
}

function bodyWithoutMetadata(jpeg: Buffer, start: number, meta: Segment[]): Buffer[] {
  const out: Buffer[] = [];
  let from = start;
  for (const s of meta) {
    out.push(jpeg.subarray(from, s.start));
    from = s.end;
  }
  out.push(jpeg.subarray(from));
  return out;
}

function metaBytes(meta: Segment[]): number {
  return meta.reduce((n, s) => n + s.end - s.start, 0);
}

/** The value of the field the catalog keeps in this EXIF tag; a list joins as "a; b". */
function exifValue(fields: EmbedFields, tag: string): string | undefined {
  const spec = FIELDS.find((f) => f.exif === tag);
  const value = spec
    ? (fields as Record<string, string | string[] | undefined>)[spec.key]
    : undefined;
  return Array.isArray(value) ? value.filter((v) => v !== '').join('; ') : value;
}
