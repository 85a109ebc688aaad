import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, type ZlibOptions } from 'node:zlib';
import { writeAtomically, type ByteSink, type OpenOutputFile } from './atomic-output';
import { ZipWriteError } from './errors';
import {
  CENTRAL_HEADER_SIZE,
  DOS_EPOCH,
  END_RECORD_SIZE,
  FILE_EXTERNAL_ATTRS,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG_CENTRAL,
  SIG_END,
  SIG_LOCAL,
  VERSION_MADE_BY,
  VERSION_NEEDED,
  ZIP64_MARK_16,
  ZIP64_MARK_32,
  dosDateTime,
} from './format';
import { resolveLimits, type ZipLimits } from './limits';
import {
  MAX_NAME_BYTES,
  collisionKey,
  unsafeNameReason,
} from '../../../common/naming/zip-member-names';

/** Bytes, or a function that loads them when their turn comes (so photos need not all be in memory). */
export type ZipEntryData = Uint8Array | (() => Promise<Uint8Array>);

export interface ZipEntryInput {
  /** Member path: relative, forward slashes; normalised to NFC. */
  path: string;
  data: ZipEntryData;
  /** Default true. Pass false for already-compressed data (JPEG): deflating it only costs time. */
  compress?: boolean;
}

export interface WriteZipOptions {
  /** Timestamp of every member (UTC fields). Default 1980-01-01 00:00, so output depends on content only. */
  modified?: Date;
  /** Refuse to write what the reader would refuse to open. Default DEFAULT_ZIP_LIMITS. */
  limits?: Partial<ZipLimits>;
  /** File-system seam for a path destination; tests use it to simulate a full disk. */
  openFile?: OpenOutputFile;
}

export interface WriteZipResult {
  /** Size of the zip. */
  bytes: number;
  /** Lower-case hex SHA-256 of the zip. */
  sha256: string;
}

/**
 * Every parameter spelled out, so the bytes do not follow a change of zlib's defaults.
 * (A different zlib build could still emit different deflate bytes for the same input;
 * the JPEGs, which are stored, are byte-stable everywhere.)
 */
const DEFLATE: ZlibOptions = {
  level: 9,
  windowBits: 15,
  memLevel: 8,
  strategy: constants.Z_DEFAULT_STRATEGY,
};
const deflate = promisify(deflateRaw) as (
  data: Uint8Array,
  options: ZlibOptions,
) => Promise<Buffer>;

/** The largest value a 32-bit field may hold without meaning "see ZIP64". */
const MAX_32 = ZIP64_MARK_32 - 1;
const MAX_16 = ZIP64_MARK_16 - 1;

interface CentralRecord {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Write a deterministic zip: the same entries (and date) give the same bytes. Members
 * are written in the given order, one at a time, so memory holds one member at most.
 * A string destination is written atomically (temp file, fsync, rename); a ByteSink
 * receives the bytes as they are made and the caller owns what happens on error.
 */
export async function writeZip(
  entries: readonly ZipEntryInput[],
  out: string | ByteSink,
  options: WriteZipOptions = {},
): Promise<WriteZipResult> {
  const limits = resolveLimits(options.limits);
  const names = checkEntries(entries, limits);
  const stamp = dosDateTime(options.modified ?? DOS_EPOCH);
  const produce = (sink: ByteSink) => writeMembers(entries, names, stamp, limits, sink);
  return typeof out === 'string' ? writeAtomically(out, produce, options.openFile) : produce(out);
}

/** Validate all names before any byte is written, so a bad list costs no temp file. */
function checkEntries(entries: readonly ZipEntryInput[], limits: ZipLimits): Buffer[] {
  if (entries.length > Math.min(MAX_16, limits.maxEntries)) {
    throw new ZipWriteError(
      `zip: ${entries.length} entries is more than the ${Math.min(MAX_16, limits.maxEntries)} we write`,
    );
  }
  const seen = new Map<string, string>();
  return entries.map(({ path }) => {
    const name = path.normalize('NFC');
    const reason = name.endsWith('/')
      ? 'directory entries are not written'
      : unsafeNameReason(name);
    if (reason) throw new ZipWriteError(`zip: ${JSON.stringify(path)}: ${reason}`);
    const bytes = Buffer.from(name, 'utf8');
    if (bytes.length > MAX_NAME_BYTES) {
      throw new ZipWriteError(
        `zip: ${JSON.stringify(path)}: name longer than ${MAX_NAME_BYTES} bytes`,
      );
    }
    const key = collisionKey(name);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ZipWriteError(
        `zip: ${JSON.stringify(path)} collides with ${JSON.stringify(other)} (same name ignoring case/normalisation)`,
      );
    }
    seen.set(key, path);
    return bytes;
  });
}

async function writeMembers(
  entries: readonly ZipEntryInput[],
  names: readonly Buffer[],
  stamp: { date: number; time: number },
  limits: ZipLimits,
  target: ByteSink,
): Promise<WriteZipResult> {
  const hash = createHash('sha256');
  let offset = 0;
  const emit = async (chunk: Uint8Array) => {
    hash.update(chunk);
    offset += chunk.length;
    await target.write(chunk);
  };

  const records: CentralRecord[] = [];
  let total = 0;
  for (const [i, entry] of entries.entries()) {
    const name = names[i]!;
    const data = typeof entry.data === 'function' ? await entry.data() : entry.data;
    total += data.length;
    if (data.length > MAX_32 || total > limits.maxTotalUncompressed) {
      throw new ZipWriteError(
        `zip: ${entry.path}: the package would exceed ${limits.maxTotalUncompressed} bytes uncompressed`,
      );
    }
    if (offset > MAX_32) throw new ZipWriteError('zip: the package would need ZIP64 (over 4 GiB)');
    const { method, payload } = await encode(data, entry.compress !== false, limits);
    const record = {
      name,
      method,
      crc: crc32(data),
      compressedSize: payload.length,
      size: data.length,
      offset,
    };
    records.push(record);
    await emit(localHeader(record, stamp));
    await emit(payload);
  }

  const centralOffset = offset;
  for (const record of records) await emit(centralHeader(record, stamp));
  const centralSize = offset - centralOffset;
  if (centralOffset > MAX_32 || centralSize > MAX_32) {
    throw new ZipWriteError('zip: the package would need ZIP64 (over 4 GiB)');
  }
  await emit(endRecord(records.length, centralSize, centralOffset));
  return { bytes: offset, sha256: hash.digest('hex') };
}

async function encode(
  data: Uint8Array,
  compress: boolean,
  limits: ZipLimits,
): Promise<{ method: number; payload: Uint8Array }> {
  if (compress && data.length > 0) {
    const deflated = await deflate(data, DEFLATE);
    // Store when deflate does not help, and when it helps so much that our own reader
    // would take the member for a bomb: both are decided by the data alone, so still
    // deterministic.
    const bombLike =
      data.length > limits.ratioAppliesAbove && data.length > deflated.length * limits.maxRatio;
    if (deflated.length < data.length && !bombLike) {
      return { method: METHOD_DEFLATE, payload: deflated };
    }
  }
  return { method: METHOD_STORE, payload: data };
}

/**
 * Method, time, date, CRC, sizes and name length: the run of fields the local and the
 * central header share, in the same order (APPNOTE 4.3.7 and 4.3.12), from `at`.
 */
function writeEntryFields(
  b: Buffer,
  at: number,
  r: CentralRecord,
  stamp: { date: number; time: number },
): void {
  b.writeUInt16LE(r.method, at);
  b.writeUInt16LE(stamp.time, at + 2);
  b.writeUInt16LE(stamp.date, at + 4);
  b.writeUInt32LE(r.crc, at + 6);
  b.writeUInt32LE(r.compressedSize, at + 10);
  b.writeUInt32LE(r.size, at + 14);
  b.writeUInt16LE(r.name.length, at + 18);
}

function localHeader(r: CentralRecord, stamp: { date: number; time: number }): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER_SIZE + r.name.length);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAG_UTF8, 6);
  writeEntryFields(b, 8, r, stamp);
  b.writeUInt16LE(0, 28); // no extra fields: they would carry mtimes and uids
  r.name.copy(b, LOCAL_HEADER_SIZE);
  return b;
}

function centralHeader(r: CentralRecord, stamp: { date: number; time: number }): Buffer {
  const b = Buffer.alloc(CENTRAL_HEADER_SIZE + r.name.length);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAG_UTF8, 8);
  writeEntryFields(b, 10, r, stamp);
  // extra length 30, comment length 32, disk 34, internal attributes 36: all zero
  b.writeUInt32LE(FILE_EXTERNAL_ATTRS, 38);
  b.writeUInt32LE(r.offset, 42);
  r.name.copy(b, CENTRAL_HEADER_SIZE);
  return b;
}

function endRecord(count: number, centralSize: number, centralOffset: number): Buffer {
  const b = Buffer.alloc(END_RECORD_SIZE);
  b.writeUInt32LE(SIG_END, 0);
  // disk numbers 4 and 6: zero
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(centralSize, 12);
  b.writeUInt32LE(centralOffset, 16);
  // comment length 20: zero
  return b;
}
