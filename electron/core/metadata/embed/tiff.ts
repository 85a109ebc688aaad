/** Just enough TIFF to edit EXIF in place: IFD tables, entries and where their values live. */

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the 12-byte entry in the TIFF block. */
  at: number;
  /** Offset of the value: inside the entry when it fits in 4 bytes, else where it points. */
  valueAt: number;
  /** Size of the value in bytes; 0 for a type we do not know. */
  size: number;
}

export interface Ifd {
  at: number;
  entries: IfdEntry[];
  /** Offset of the next IFD, 0 for none. */
  next: number;
}

const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

export const ASCII = 2;
export const SHORT = 3;
export const LONG = 4;
export const RATIONAL = 5;

export class Tiff {
  readonly le: boolean;

  constructor(readonly buf: Buffer) {
    if (buf.length < 8) throw new Error('EXIF block too short for a TIFF header');
    const order = buf.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') throw new Error('EXIF block has no TIFF byte order mark');
    this.le = order === 'II';
    if (this.u16(2) !== 42) throw new Error('EXIF block has a bad TIFF magic number');
  }

  u16(at: number): number {
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u32(at: number): number {
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  get ifd0(): number {
    return this.u32(4);
  }

  readIfd(at: number): Ifd {
    if (at < 8 || at + 2 > this.buf.length)
      throw new Error(`EXIF IFD offset ${at} is outside the block`);
    const n = this.u16(at);
    if (at + 2 + 12 * n + 4 > this.buf.length)
      throw new Error(`EXIF IFD at ${at} runs past the block`);
    const entries: IfdEntry[] = [];
    for (let i = 0; i < n; i++) {
      const e = at + 2 + 12 * i;
      const type = this.u16(e + 2);
      const count = this.u32(e + 4);
      const size = (TYPE_SIZES[type] ?? 0) * count;
      entries.push({
        tag: this.u16(e),
        type,
        count,
        at: e,
        valueAt: size > 4 ? this.u32(e + 8) : e + 8,
        size,
      });
    }
    return { at, entries, next: this.u32(at + 2 + 12 * n) };
  }
}

/** Bytes of an IFD table: count, entries, next-IFD offset. */
export function ifdTableSize(entries: number): number {
  return 2 + 12 * entries + 4;
}

/** Whether an entry's value lives outside the entry, in a range of its own. */
export function outOfLine(e: IfdEntry): boolean {
  return e.size > 4;
}

export class TiffWriter {
  constructor(
    readonly buf: Buffer,
    readonly le: boolean,
  ) {}

  u16(at: number, v: number): void {
    if (this.le) this.buf.writeUInt16LE(v, at);
    else this.buf.writeUInt16BE(v, at);
  }

  u32(at: number, v: number): void {
    if (this.le) this.buf.writeUInt32LE(v, at);
    else this.buf.writeUInt32BE(v, at);
  }
}
