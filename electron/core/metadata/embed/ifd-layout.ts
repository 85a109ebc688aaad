/** Building IFD tables: entries we create, entries we copy, and where their values go. */
import { ifdTableSize, RATIONAL, SHORT, TiffWriter } from './tiff';

export interface NewEntry {
  tag: number;
  type: number;
  count: number;
  /** The value in the block's byte order. */
  data: Buffer;
}

export type OutEntry = NewEntry | { tag: number; raw: Buffer };

export function shortEntry(tag: number, value: number, le: boolean): NewEntry {
  const data = Buffer.alloc(2);
  if (le) data.writeUInt16LE(value);
  else data.writeUInt16BE(value);
  return { tag, type: SHORT, count: 1, data };
}

export function rationalEntry(tag: number, num: number, den: number, le: boolean): NewEntry {
  const data = Buffer.alloc(8);
  if (le) {
    data.writeUInt32LE(num, 0);
    data.writeUInt32LE(den, 4);
  } else {
    data.writeUInt32BE(num, 0);
    data.writeUInt32BE(den, 4);
  }
  return { tag, type: RATIONAL, count: 1, data };
}

/** An entry whose value is already in the block at `valueAt`. */
export function rawEntry(e: NewEntry, valueAt: number, le: boolean): OutEntry {
  const raw = Buffer.alloc(12);
  const w = new TiffWriter(raw, le);
  w.u16(0, e.tag);
  w.u16(2, e.type);
  w.u32(4, e.count);
  w.u32(8, valueAt);
  return { tag: e.tag, raw };
}

export function blockSize(entries: OutEntry[]): number {
  let size = ifdTableSize(entries.length);
  for (const e of entries) if ('data' in e && e.data.length > 4) size += e.data.length + (size & 1);
  return size;
}

/** The IFD table at `base` followed by its new out-of-line values, each at an even offset. */
export function layoutIfd(entries: OutEntry[], base: number, next: number, le: boolean): Buffer {
  const out = Buffer.alloc(blockSize(entries));
  const w = new TiffWriter(out, le);
  let valuePos = ifdTableSize(entries.length);
  w.u16(0, entries.length);
  entries.forEach((e, i) => {
    const at = 2 + 12 * i;
    if ('raw' in e) {
      e.raw.copy(out, at);
      return;
    }
    w.u16(at, e.tag);
    w.u16(at + 2, e.type);
    w.u32(at + 4, e.count);
    if (e.data.length <= 4) e.data.copy(out, at + 8);
    else {
      valuePos += valuePos & 1;
      w.u32(at + 8, base + valuePos);
      e.data.copy(out, valuePos);
      valuePos += e.data.length;
    }
  });
  w.u32(2 + 12 * entries.length, next);
  return out;
}
