/**
 * Parsing and vetting the end record and the central directory: everything about a
 * package that can be judged before reading any member's data.
 */
import { UnsafePackageError } from './errors';
import {
  CENTRAL_HEADER_SIZE,
  END_RECORD_SIZE,
  EXTRA_UNICODE_PATH,
  FLAG_ENCRYPTED,
  FLAG_MASKED_HEADERS,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  METHOD_DEFLATE,
  METHOD_STORE,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  DOS_DIRECTORY,
  SIG_CENTRAL,
  SIG_END,
  SIG_ZIP64_LOCATOR,
  ZIP64_LOCATOR_SIZE,
  ZIP64_MARK_16,
  ZIP64_MARK_32,
} from './format';
import type { ZipLimits } from './limits';
import {
  MAX_NAME_BYTES,
  collisionKey,
  decodeName,
  describeRawName,
  printableName,
  unsafeNameReason,
} from '../../../common/naming/zip-member-names';

export interface EndRecord {
  /** Offset of the end record in the file. */
  offset: number;
  count: number;
  centralOffset: number;
  centralSize: number;
}

/** A member as the central directory describes it. */
export interface ZipEntry {
  /** The member's path, exactly as in the package (decoded). Directories end with "/". */
  name: string;
  isDirectory: boolean;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size; read() holds the member to it. */
  size: number;
  crc32: number;
}

export interface CentralEntry extends ZipEntry {
  rawName: Buffer;
  flags: number;
  localOffset: number;
}

const EXTRA_ZIP64 = 0x0001;

/**
 * Find the end record in the file's last bytes. It must end exactly at the end of
 * the file (its comment included): trailing bytes are where a second, different
 * archive hides from one tool and not another.
 */
export function findEndRecord(tail: Buffer, tailOffset: number, limits: ZipLimits): EndRecord {
  let at = -1;
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === SIG_END &&
      tail.readUInt16LE(i + 20) === tail.length - i - END_RECORD_SIZE
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new UnsafePackageError('not a zip file: no end-of-central-directory record');
  const disk = tail.readUInt16LE(at + 4);
  const centralDisk = tail.readUInt16LE(at + 6);
  const onDisk = tail.readUInt16LE(at + 8);
  const count = tail.readUInt16LE(at + 10);
  const centralSize = tail.readUInt32LE(at + 12);
  const centralOffset = tail.readUInt32LE(at + 16);
  const offset = tailOffset + at;

  const locator =
    at >= ZIP64_LOCATOR_SIZE && tail.readUInt32LE(at - ZIP64_LOCATOR_SIZE) === SIG_ZIP64_LOCATOR;
  if (
    locator ||
    count === ZIP64_MARK_16 ||
    centralSize === ZIP64_MARK_32 ||
    centralOffset === ZIP64_MARK_32
  ) {
    throw new UnsafePackageError('ZIP64 archives are not supported (packages stay under 4 GiB)');
  }
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count) {
    throw new UnsafePackageError('split (multi-disk) archives are not supported');
  }
  if (count > limits.maxEntries) {
    throw new UnsafePackageError(`${count} entries is more than the limit of ${limits.maxEntries}`);
  }
  if (centralSize > limits.maxCentralDirectoryBytes) {
    throw new UnsafePackageError(
      `central directory of ${centralSize} bytes is more than the limit of ${limits.maxCentralDirectoryBytes}`,
    );
  }
  if (centralOffset + centralSize !== offset) {
    throw new UnsafePackageError(
      'central directory does not end where the end record begins (hidden data or a damaged file)',
    );
  }
  if (count * CENTRAL_HEADER_SIZE > centralSize) {
    throw new UnsafePackageError(
      `${count} entries do not fit in a central directory of ${centralSize} bytes`,
    );
  }
  return { offset, count, centralOffset, centralSize };
}

/** Parse every central header and reject the package at the first thing we will not accept. */
export function parseCentralDirectory(
  cd: Buffer,
  count: number,
  limits: ZipLimits,
): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_HEADER_SIZE > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) {
      throw new UnsafePackageError(
        `central directory entry ${i + 1} of ${count} is missing or damaged`,
      );
    }
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const end = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (end > cd.length) {
      throw new UnsafePackageError(`central directory entry ${i + 1} runs past the directory`);
    }
    const rawName = cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
    const extra = cd.subarray(
      p + CENTRAL_HEADER_SIZE + nameLength,
      p + CENTRAL_HEADER_SIZE + nameLength + extraLength,
    );
    const entry = vetEntry(cd, p, rawName, extra, limits);

    total += entry.size;
    if (total > limits.maxTotalUncompressed) {
      throw new UnsafePackageError(
        `declared uncompressed size passes the limit of ${limits.maxTotalUncompressed} bytes (zip bomb?)`,
        printableName(entry.name),
      );
    }
    if (exact.has(entry.name)) {
      throw new UnsafePackageError('duplicate name', printableName(entry.name));
    }
    exact.add(entry.name);
    // "a/" and "a" fold together on purpose: a directory and a file cannot share a path.
    const key = collisionKey(entry.name.replace(/\/$/, ''));
    const other = folded.get(key);
    if (other !== undefined) {
      throw new UnsafePackageError(
        `name collides with "${printableName(other)}" once case and Unicode normalisation are ignored`,
        printableName(entry.name),
      );
    }
    folded.set(key, entry.name);
    entries.push(entry);
    p = end;
  }
  if (p !== cd.length) {
    throw new UnsafePackageError(
      `central directory has ${cd.length - p} bytes after its ${count} declared entries (hidden entries?)`,
    );
  }
  rejectFilesUsedAsDirectories(entries, folded);
  return entries;
}

function vetEntry(
  cd: Buffer,
  p: number,
  rawName: Buffer,
  extra: Buffer,
  limits: ZipLimits,
): CentralEntry {
  const flags = cd.readUInt16LE(p + 8);
  const method = cd.readUInt16LE(p + 10);
  const crc32 = cd.readUInt32LE(p + 16);
  const compressedSize = cd.readUInt32LE(p + 20);
  const size = cd.readUInt32LE(p + 24);
  const disk = cd.readUInt16LE(p + 34);
  const external = cd.readUInt32LE(p + 38);
  const localOffset = cd.readUInt32LE(p + 42);

  const decoded = decodeName(rawName, (flags & FLAG_UTF8) !== 0);
  if (!decoded.ok) throw new UnsafePackageError(decoded.reason, describeRawName(rawName));
  const name = decoded.name;
  const fail = (reason: string): never => {
    throw new UnsafePackageError(reason, printableName(name));
  };

  if (rawName.length > MAX_NAME_BYTES) fail(`name longer than ${MAX_NAME_BYTES} bytes`);
  const unsafe = unsafeNameReason(name);
  if (unsafe) fail(unsafe);
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) {
    fail('entry is encrypted');
  }
  if (method !== METHOD_STORE && method !== METHOD_DEFLATE) {
    fail(`compression method ${method} is not supported (only 0 stored and 8 deflate)`);
  }
  if (compressedSize === ZIP64_MARK_32 || size === ZIP64_MARK_32 || localOffset === ZIP64_MARK_32) {
    fail('ZIP64 entries are not supported');
  }
  if (disk !== 0) fail('entry claims to live on another disk');
  checkExtraFields(extra, name, fail);

  const isDirectory = name.endsWith('/');
  checkFileType(external, isDirectory, fail);
  if (isDirectory && size !== 0) fail('directory entry carries data');
  if (method === METHOD_STORE && compressedSize !== size) {
    fail(`stored entry has compressed size ${compressedSize} but size ${size}`);
  }
  if (method === METHOD_DEFLATE) checkRatio(compressedSize, size, limits, fail);

  return { name, isDirectory, method, compressedSize, size, crc32, rawName, flags, localOffset };
}

function checkRatio(
  compressed: number,
  size: number,
  limits: ZipLimits,
  fail: (r: string) => never,
) {
  if (size > limits.ratioAppliesAbove && size > compressed * limits.maxRatio) {
    const ratio = compressed === 0 ? '∞' : String(Math.round(size / compressed));
    fail(`compression ratio ${ratio}:1 is over the limit of ${limits.maxRatio}:1 (zip bomb?)`);
  }
  // Deflate's worst case is its stored blocks: 5 bytes per block. Anything much bigger
  // is not deflate output, and reading it would cost memory the size does not justify.
  if (compressed > size + Math.ceil(size / 256) + 1024) {
    fail(`compressed size ${compressed} is impossible for deflate data of ${size} bytes`);
  }
}

/** Symlinks, devices and FIFOs are refused whatever the host byte says: some tools honour Unix modes from any host. */
function checkFileType(external: number, isDirectory: boolean, fail: (r: string) => never) {
  const type = (external >>> 16) & S_IFMT;
  if (type === S_IFLNK) fail('symbolic link entry');
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    fail('special file entry (device, FIFO or socket)');
  }
  const modeSaysDirectory = type === S_IFDIR;
  // The low byte is MS-DOS attributes only for hosts that set it; Unix zips usually copy it too.
  const dosSaysDirectory = (external & DOS_DIRECTORY) !== 0;
  if ((type !== 0 && modeSaysDirectory !== isDirectory) || (dosSaysDirectory && !isDirectory)) {
    fail('entry type (file or directory) disagrees with its name');
  }
}

/**
 * Extra fields must be well-formed. ZIP64 fields are refused (we do not do ZIP64, and
 * readers disagree on when to honour them), and an Info-ZIP Unicode Path field must
 * repeat the header's name: otherwise another tool would extract a different name.
 */
export function checkExtraFields(extra: Buffer, name: string, fail: (r: string) => never): void {
  let q = 0;
  while (q < extra.length) {
    if (q + 4 > extra.length) fail('malformed extra field');
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (q + 4 + length > extra.length) fail('malformed extra field');
    if (id === EXTRA_ZIP64) fail('ZIP64 extra field is not supported');
    if (id === EXTRA_UNICODE_PATH) {
      const decoded =
        length >= 5
          ? decodeName(extra.subarray(q + 9, q + 4 + length), true)
          : ({ ok: false } as const);
      if (!decoded.ok || decoded.name !== name) {
        fail('Unicode Path extra field names a different file than the header');
      }
    }
    q += 4 + length;
  }
}

/** "a" as a file and "a/b" as a member cannot both be extracted; a trap for whoever unpacks the package. */
function rejectFilesUsedAsDirectories(
  entries: readonly CentralEntry[],
  folded: Map<string, string>,
): void {
  for (const entry of entries) {
    const segments = entry.name.replace(/\/$/, '').split('/');
    for (let n = 1; n < segments.length; n++) {
      const holder = folded.get(collisionKey(segments.slice(0, n).join('/')));
      if (holder !== undefined && !holder.endsWith('/')) {
        throw new UnsafePackageError(
          `is inside "${printableName(holder)}", which is a file`,
          printableName(entry.name),
        );
      }
    }
  }
}
