import {
  blockSize,
  layoutIfd,
  rationalEntry,
  rawEntry,
  shortEntry,
  type NewEntry,
  type OutEntry,
} from './ifd-layout';
import { FIELDS } from '../../../../common/fields/catalog';
import { limitedText, type Truncation } from './text-cut';
import { ASCII, ifdTableSize, outOfLine, Tiff, TiffWriter, type Ifd, type IfdEntry } from './tiff';

/** What to change in EXIF. A text that is undefined is left alone; '' removes the tag. */
export interface ExifEdit {
  description?: string;
  artist?: string;
  copyright?: string;
  orientation?: number;
  keepGps: boolean;
}

/** Resolution for a new EXIF block, from JFIF when the file has it. */
export interface Resolution {
  x: number;
  y: number;
  /** EXIF ResolutionUnit: 2 inches, 3 centimetres. */
  unit: 2 | 3;
}

const TAG = {
  ImageDescription: 0x010e,
  Orientation: 0x0112,
  XResolution: 0x011a,
  YResolution: 0x011b,
  ResolutionUnit: 0x0128,
  Artist: 0x013b,
  YCbCrPositioning: 0x0213,
  Copyright: 0x8298,
  ExifIFD: 0x8769,
  GPS: 0x8825,
  IptcNaa: 0x83bb,
  ApplicationNotes: 0x02bc,
} as const;

/**
 * Room for a huge caption would overflow the 64 KB EXIF segment. Cut EXIF text where IIM
 * cuts the caption, so the two legacy homes show the same words; XMP keeps it all.
 */
export const EXIF_TEXT_LIMIT = 2000;

/** Stale copies of other metadata blocks that old tools put into IFD0. */
const STALE_COPIES: Record<number, string> = {
  [TAG.IptcNaa]: 'EXIF IFD0 IPTC-NAA (0x83BB), a stale second copy of the IIM',
  [TAG.ApplicationNotes]: 'EXIF IFD0 ApplicationNotes (0x02BC), a stale second copy of the XMP',
};

export const MAX_TIFF_BYTES = 65533 - 6;

/**
 * Rewrite the TIFF block of an EXIF APP1 (the bytes after "Exif\0\0").
 *
 * Only IFD0 moves. Everything it points to – ExifIFD, GPS, Interop, IFD1, the thumbnail
 * and above all the MakerNote, whose internal offsets are often relative to the TIFF
 * header – stays at the same offset, so every pointer in the block stays valid. The new
 * IFD0 goes where the old one was when it fits, else at the end; the bytes of the old
 * table and of the values we replace are zeroed, so no stale caption survives even as
 * an orphan. A second run finds our IFD0 at the end and rewrites it in place, which
 * makes embedding idempotent.
 */
export function writeExif(
  existing: Buffer | null,
  edit: ExifEdit,
  resolution: Resolution | null,
  truncated: Truncation[],
  removed: string[],
): Buffer | null {
  const texts = textEntries(edit, truncated);
  if (!existing) {
    if (texts.every((t) => t.entry === null) && edit.orientation === undefined) return null;
    existing = baseExif(resolution ?? { x: 72, y: 72, unit: 2 });
  }
  const tiff = new Tiff(existing);
  const ifd0 = tiff.readIfd(tiff.ifd0);
  const out = Buffer.from(existing);
  const w = new TiffWriter(out, tiff.le);
  const holes: [number, number][] = [[ifd0.at, ifd0.at + ifdTableSize(ifd0.entries.length)]];
  const toZero: [number, number][] = [];
  const replaced = new Set<number>(texts.map((t) => t.tag));
  if (edit.orientation !== undefined) replaced.add(TAG.Orientation);

  const entries: OutEntry[] = [];
  for (const e of ifd0.entries) {
    if (replaced.has(e.tag)) {
      if (outOfLine(e) && inBlock(e, out)) holes.push([e.valueAt, e.valueAt + e.size]);
    } else if (e.tag === TAG.GPS && !edit.keepGps) {
      toZero.push(...gpsRanges(tiff, e));
      removed.push('EXIF GPS IFD (keepGps is false)');
    } else if (STALE_COPIES[e.tag]) {
      if (outOfLine(e) && inBlock(e, out)) toZero.push([e.valueAt, e.valueAt + e.size]);
      removed.push(STALE_COPIES[e.tag]!);
    } else entries.push({ tag: e.tag, raw: existing.subarray(e.at, e.at + 12) });
  }
  for (const t of texts) if (t.entry) entries.push(t.entry);
  if (edit.orientation !== undefined)
    entries.push(shortEntry(TAG.Orientation, edit.orientation, tiff.le));
  entries.sort((a, b) => a.tag - b.tag);

  const exifIfd = ifd0.entries.find((e) => e.tag === TAG.ExifIFD);
  if (exifIfd) dropFromSubIfd(tiff, w, tiff.u32(exifIfd.valueAt), replaced, toZero);

  for (const [a, b] of [...holes, ...toZero]) out.fill(0, a, b);
  const { result, base } = placeIfd0(out, contiguousFrom(holes), blockSize(entries));
  layoutIfd(entries, base, ifd0.next, tiff.le).copy(result, base);
  new TiffWriter(result, tiff.le).u32(4, base);
  if (result.length > MAX_TIFF_BYTES)
    throw new Error(`the EXIF block would be ${result.length} bytes, over the 64 KB segment limit`);
  return result;
}

/** The catalog's field an IFD0 text tag holds, named in the truncation report. */
function fieldOf(tag: 'ImageDescription' | 'Artist' | 'Copyright'): string {
  return FIELDS.find((f) => f.exif === tag)?.key ?? tag;
}

function textEntries(edit: ExifEdit, truncated: Truncation[]) {
  const specs = [
    {
      tag: TAG.ImageDescription,
      value: edit.description,
      field: fieldOf('ImageDescription'),
      name: 'ImageDescription',
    },
    { tag: TAG.Artist, value: edit.artist, field: fieldOf('Artist'), name: 'Artist' },
    {
      tag: TAG.Copyright,
      value: edit.copyright,
      field: fieldOf('Copyright'),
      name: 'Copyright',
    },
  ];
  return specs
    .filter((s) => s.value !== undefined)
    .map((s) => {
      if (!s.value) return { tag: s.tag, entry: null };
      // UTF-8 in ASCII tags, as the MWG recommends and ExifTool, exifr and PHP read.
      const text = limitedText(s.value, EXIF_TEXT_LIMIT, s.field, `EXIF ${s.name}`, truncated);
      const data = Buffer.concat([text, Buffer.from([0])]);
      return {
        tag: s.tag,
        entry: { tag: s.tag, type: ASCII, count: data.length, data } as NewEntry,
      };
    });
}

/**
 * A minimal TIFF block for a file that had no EXIF, holding the IFD0 tags ExifTool's
 * validator requires of a JPEG, so that adding EXIF adds no warnings. Its values come
 * before the table, so the table ends the block and our text tags, added by the normal
 * update path, extend it in place, now and on every later run.
 */
function baseExif(res: Resolution): Buffer {
  const le = false;
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x18]);
  const x = rationalEntry(TAG.XResolution, Math.round(res.x), 1, le);
  const y = rationalEntry(TAG.YResolution, Math.round(res.y), 1, le);
  const entries: OutEntry[] = [
    rawEntry(x, 8, le),
    rawEntry(y, 16, le),
    shortEntry(TAG.ResolutionUnit, res.unit, le),
    shortEntry(TAG.YCbCrPositioning, 1, le),
  ];
  return Buffer.concat([header, x.data, y.data, layoutIfd(entries, 24, 0, le)]);
}

function inBlock(e: IfdEntry, buf: Buffer): boolean {
  return e.valueAt >= 8 && e.valueAt + e.size <= buf.length;
}

/** The GPS IFD and its values, to be zeroed: unlinking alone would leave the location in the file. */
function gpsRanges(tiff: Tiff, pointer: IfdEntry): [number, number][] {
  let gps: Ifd;
  try {
    gps = tiff.readIfd(tiff.u32(pointer.valueAt));
  } catch {
    return [];
  }
  const ranges: [number, number][] = [[gps.at, gps.at + ifdTableSize(gps.entries.length)]];
  for (const e of gps.entries)
    if (outOfLine(e) && inBlock(e, tiff.buf)) ranges.push([e.valueAt, e.valueAt + e.size]);
  return ranges;
}

/**
 * Remove replaced tags that a camera put in ExifIFD instead of IFD0 (Sony writes
 * ImageDescription there): readers would show that stale text. The table shrinks in
 * place; values are addressed by absolute offsets, so nothing else moves.
 */
function dropFromSubIfd(
  tiff: Tiff,
  w: TiffWriter,
  at: number,
  tags: Set<number>,
  toZero: [number, number][],
): void {
  let ifd: Ifd;
  try {
    ifd = tiff.readIfd(at);
  } catch {
    return;
  }
  const keep = ifd.entries.filter((e) => !tags.has(e.tag));
  if (keep.length === ifd.entries.length) return;
  for (const e of ifd.entries)
    if (tags.has(e.tag) && outOfLine(e) && inBlock(e, tiff.buf))
      toZero.push([e.valueAt, e.valueAt + e.size]);
  const rows = Buffer.concat(keep.map((e) => tiff.buf.subarray(e.at, e.at + 12)));
  w.u16(at, keep.length);
  rows.copy(w.buf, at + 2);
  w.u32(at + 2 + rows.length, ifd.next);
  const oldEnd = at + ifdTableSize(ifd.entries.length);
  w.buf.fill(0, at + ifdTableSize(keep.length), oldEnd);
}

/**
 * Where the new IFD0 block goes: into the hole the old one left when it fits or when that
 * hole ends the block (it can grow there), else appended at an even offset.
 */
function placeIfd0(
  out: Buffer,
  hole: [number, number],
  size: number,
): { result: Buffer; base: number } {
  const base = hole[0] + (hole[0] & 1);
  if (base + size <= hole[1]) return { result: out, base };
  if (hole[1] >= out.length - 1)
    return { result: Buffer.concat([out.subarray(0, base), Buffer.alloc(size)]), base };
  const end = out.length + (out.length & 1);
  return { result: Buffer.concat([out, Buffer.alloc(end - out.length + size)]), base: end };
}

/** The run of holes that starts at the first one, allowing a pad byte between them. */
function contiguousFrom(holes: [number, number][]): [number, number] {
  const [first] = holes;
  let end = first![1];
  const rest = holes.slice(1).sort((a, b) => a[0] - b[0]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of rest)
      if (a >= first![0] && a <= end + 1 && b > end) {
        end = b;
        grew = true;
      }
  }
  return [first![0], end];
}
