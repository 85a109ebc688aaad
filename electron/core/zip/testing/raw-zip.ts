/**
 * Test helper: assemble zip bytes by hand, with every field open to lies, to build
 * the hostile packages the reader must refuse. Defaults make a valid stored member.
 */
import { writeFile } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  /** String names are written as UTF-8. */
  name: string | Buffer;
  /** Uncompressed content; size and CRC default from it. */
  content?: Buffer;
  /** Bytes as stored in the file; default `content`, deflated when method is 8. */
  payload?: Buffer;
  method?: number;
  /** Default: UTF-8 flag. */
  flags?: number;
  crc?: number;
  size?: number;
  compressedSize?: number;
  /** Default: a regular file, rw-r--r--. */
  external?: number;
  madeBy?: number;
  extra?: Buffer;
  /** Local header fields that disagree with the central ones. */
  local?: {
    name?: Buffer;
    flags?: number;
    method?: number;
    crc?: number;
    size?: number;
    compressedSize?: number;
  };
  /** Write no local header or data; point the central header at entry `sharesLocalOf`'s. */
  sharesLocalOf?: number;
  /** Point the central header at this offset instead. */
  localOffset?: number;
}

export interface RawEnd {
  count?: number;
  centralSize?: number;
  centralOffset?: number;
  comment?: Buffer;
  /** Bytes between the central directory and the end record. */
  beforeEnd?: Buffer;
  /** Bytes after the end record. */
  trailing?: Buffer;
}

const REGULAR = ((0o100000 | 0o644) << 16) >>> 0;

export function rawZip(entries: readonly RawEntry[], end: RawEnd = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const content = e.content ?? Buffer.alloc(0);
    const method = e.method ?? 0;
    const payload = e.payload ?? (method === 8 ? deflateRawSync(content) : content);
    const flags = e.flags ?? 0x800;
    const crc = e.crc ?? crc32(content);
    const size = e.size ?? content.length;
    const compressedSize = e.compressedSize ?? payload.length;
    const extra = e.extra ?? Buffer.alloc(0);

    let localOffset = e.localOffset ?? offset;
    if (e.sharesLocalOf !== undefined) localOffset = offsets[e.sharesLocalOf]!;
    offsets.push(localOffset);
    if (e.sharesLocalOf === undefined) {
      const l = e.local ?? {};
      const localName = l.name ?? name;
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(l.flags ?? flags, 6);
      h.writeUInt16LE(l.method ?? method, 8);
      h.writeUInt16LE(0x21, 12); // 1980-01-01
      h.writeUInt32LE(l.crc ?? crc, 14);
      h.writeUInt32LE(l.compressedSize ?? compressedSize, 18);
      h.writeUInt32LE(l.size ?? size, 22);
      h.writeUInt16LE(localName.length, 26);
      h.writeUInt16LE(extra.length, 28);
      parts.push(h, localName, extra, payload);
      offset += h.length + localName.length + extra.length + payload.length;
    }

    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.madeBy ?? (3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(compressedSize, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(e.external ?? REGULAR, 38);
    c.writeUInt32LE(localOffset, 42);
    central.push(c, name, extra);
  }
  const cd = Buffer.concat(central);
  const before = end.beforeEnd ?? Buffer.alloc(0);
  const comment = end.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = end.count ?? entries.length;
  eocd.writeUInt16LE(count & 0xffff, 8);
  eocd.writeUInt16LE(count & 0xffff, 10);
  eocd.writeUInt32LE(end.centralSize ?? cd.length, 12);
  eocd.writeUInt32LE(end.centralOffset ?? offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, before, eocd, comment, end.trailing ?? Buffer.alloc(0)]);
}

export async function writeRawZip(
  path: string,
  entries: readonly RawEntry[],
  end?: RawEnd,
): Promise<string> {
  await writeFile(path, rawZip(entries, end));
  return path;
}

/**
 * A raw deflate stream of `mib` MiB of zeros, about 1 KB per MiB, built without ever
 * holding the zeros: one full-flushed 1 MiB block (which needs no earlier history)
 * repeated, then an empty final block.
 */
export function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => block), last]);
}

/** CRC-32 of `mib` MiB of zeros, computed 1 MiB at a time. */
export function zeroCrc(mib: number): number {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(chunk, crc);
  return crc;
}
