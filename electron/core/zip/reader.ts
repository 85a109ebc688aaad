import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import {
  findEndRecord,
  parseCentralDirectory,
  checkExtraFields,
  type CentralEntry,
  type ZipEntry,
} from './central-directory';
import { UnsafePackageError } from './errors';
import { readAt, WindowedReader } from './file-bytes';
import {
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  MAX_END_SEARCH,
  METHOD_STORE,
  SIG_LOCAL,
} from './format';
import { inflateBounded } from './inflate';
import { resolveLimits, type ZipLimits } from './limits';
import { printableName } from '../../../common/naming/zip-member-names';

export type { ZipEntry } from './central-directory';

export interface ZipArchive {
  /** Members in central-directory order. */
  readonly entries: readonly ZipEntry[];
  /** The member with this name (exact, or equal after NFC normalisation). */
  get(name: string): ZipEntry | undefined;
  /**
   * A member's bytes, inflated no further than its declared size and checked against
   * its CRC-32. Rejects with UnsafePackageError when the data does not match its headers.
   */
  read(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

interface Member extends CentralEntry {
  dataOffset: number;
}

/**
 * Open a zip that may be hostile. Everything that can be judged from the headers is
 * judged here (names, types, sizes, ratios, overlaps, local/central agreement), so a
 * package that opens has only its data left to prove on read(). Nothing is written
 * anywhere. Rejects with UnsafePackageError; I/O errors (ENOENT…) pass through.
 *
 * Why not yauzl underneath: it refuses some hostile headers before a policy layer sees
 * them, with misleading reasons (an encrypted member as "size mismatch 1 != 1"), so the
 * end record and central directory would have to be parsed here first anyway, making
 * yauzl a second parser of the same hostile bytes; it cannot see bytes hidden after a
 * deflate stream, and its header-at-a-time reads open 10,000 members ~12× slower.
 */
export async function openZip(path: string, limits?: Partial<ZipLimits>): Promise<ZipArchive> {
  const file = await open(path, 'r');
  try {
    const members = await readDirectory(file, resolveLimits(limits));
    return archive(file, members);
  } catch (err) {
    await file.close().catch(() => undefined);
    throw err;
  }
}

async function readDirectory(file: FileHandle, limits: ZipLimits): Promise<Member[]> {
  const { size } = await file.stat();
  const tailLength = Math.min(size, MAX_END_SEARCH);
  const tail = await readAt(file, size - tailLength, tailLength);
  const end = findEndRecord(tail, size - tailLength, limits);
  const cd =
    end.centralOffset >= size - tailLength
      ? tail.subarray(end.centralOffset - (size - tailLength), end.offset - (size - tailLength))
      : await readAt(file, end.centralOffset, end.centralSize);
  const entries = parseCentralDirectory(cd, end.count, limits);
  return checkLocalHeaders(file, entries, end.centralOffset);
}

/**
 * Each local header must agree with its central header (tools differ in which one
 * they trust), and each member's bytes must lie before the central directory without
 * overlapping another's: overlapping members are how the densest zip bombs are built.
 */
async function checkLocalHeaders(
  file: FileHandle,
  entries: readonly CentralEntry[],
  centralOffset: number,
): Promise<Member[]> {
  const window = new WindowedReader(file, centralOffset);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const members = new Map<CentralEntry, Member>();
  let previousEnd = 0;
  let previousName = '';
  for (const entry of byOffset) {
    const fail = (reason: string): never => {
      throw new UnsafePackageError(reason, printableName(entry.name));
    };
    if (entry.localOffset < previousEnd) fail(`data overlaps that of "${previousName}"`);
    if (entry.localOffset + LOCAL_HEADER_SIZE + entry.rawName.length > centralOffset) {
      fail('local header lies outside the data area');
    }
    const header = await window.bytes(entry.localOffset, LOCAL_HEADER_SIZE);
    if (header.readUInt32LE(0) !== SIG_LOCAL) {
      fail('no local header where the central directory points');
    }
    const flags = header.readUInt16LE(6);
    const method = header.readUInt16LE(8);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const agreeingBits = FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR | FLAG_UTF8;
    if ((flags & agreeingBits) !== (entry.flags & agreeingBits) || method !== entry.method) {
      fail('local header disagrees with the central directory (flags or method)');
    }
    if (!sizesAgree(header, entry)) {
      fail('local header disagrees with the central directory (sizes or CRC)');
    }
    const dataOffset = entry.localOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
    if (dataOffset > centralOffset) fail('local header runs into the central directory');
    const nameAndExtra = await window.bytes(
      entry.localOffset + LOCAL_HEADER_SIZE,
      nameLength + extraLength,
    );
    if (!nameAndExtra.subarray(0, nameLength).equals(entry.rawName)) {
      fail('local header names a different file than the central directory');
    }
    checkExtraFields(nameAndExtra.subarray(nameLength), entry.name, fail);
    const dataEnd = dataOffset + entry.compressedSize;
    if (dataEnd > centralOffset) fail('data runs past the start of the central directory');
    members.set(entry, { ...entry, dataOffset });
    previousEnd = dataEnd;
    previousName = entry.name;
  }
  return entries.map((e) => members.get(e)!);
}

function sizesAgree(header: Buffer, entry: CentralEntry): boolean {
  const local = [header.readUInt32LE(14), header.readUInt32LE(18), header.readUInt32LE(22)];
  const central = [entry.crc32, entry.compressedSize, entry.size];
  // With a data descriptor the local fields may be zero (the writer did not know them yet).
  if (entry.flags & FLAG_DATA_DESCRIPTOR) return local.every((v, i) => v === 0 || v === central[i]);
  return local.every((v, i) => v === central[i]);
}

function archive(file: FileHandle, members: readonly Member[]): ZipArchive {
  const byName = new Map<string, Member>();
  for (const m of members) byName.set(m.name, m);
  for (const m of members)
    if (!byName.has(m.name.normalize('NFC'))) byName.set(m.name.normalize('NFC'), m);
  const entries = members.map(publicEntry);
  return {
    entries,
    get: (name) => {
      const m = byName.get(name) ?? byName.get(name.normalize('NFC'));
      return m && publicEntry(m);
    },
    read: async (name) => {
      const m = byName.get(name) ?? byName.get(name.normalize('NFC'));
      if (!m) throw new RangeError(`zip: no entry named ${JSON.stringify(name)}`);
      return readMember(file, m);
    },
    close: () => file.close(),
  };
}

function publicEntry(m: Member): ZipEntry {
  const { name, isDirectory, method, compressedSize, size, crc32 } = m;
  return { name, isDirectory, method, compressedSize, size, crc32 };
}

async function readMember(file: FileHandle, m: Member): Promise<Buffer> {
  const fail = (reason: string): never => {
    throw new UnsafePackageError(reason, printableName(m.name));
  };
  const compressed = await readAt(file, m.dataOffset, m.compressedSize);
  let data = compressed;
  if (m.method !== METHOD_STORE) {
    const result = await inflateBounded(compressed, m.size);
    if (!result.ok) {
      return result.overflow
        ? fail(`inflates past its declared size of ${m.size} bytes (lying header: zip bomb?)`)
        : fail(`damaged deflate data: ${result.message}`);
    }
    if (result.consumed !== compressed.length) {
      fail(`${compressed.length - result.consumed} bytes follow the end of the deflate data`);
    }
    data = result.data;
  }
  if (data.length !== m.size) fail(`has ${data.length} bytes, its header says ${m.size}`);
  const actual = crc32(data);
  if (actual !== m.crc32) {
    fail(`CRC-32 mismatch (header says ${hex(m.crc32)}, data has ${hex(actual)})`);
  }
  return data;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');
