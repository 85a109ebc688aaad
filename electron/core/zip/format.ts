/**
 * The bits of the ZIP format (PKWARE APPNOTE 6.3.x) that our writer emits and our
 * reader accepts. Kept in one place so the two sides cannot drift apart.
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_RECORD_SIZE = 22;
export const ZIP64_LOCATOR_SIZE = 20;
/** The end record's comment is at most 65,535 bytes, so the record starts no further back. */
export const MAX_END_SEARCH = END_RECORD_SIZE + 0xffff;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export const FLAG_ENCRYPTED = 1 << 0;
export const FLAG_DATA_DESCRIPTOR = 1 << 3;
export const FLAG_STRONG_ENCRYPTION = 1 << 6;
export const FLAG_UTF8 = 1 << 11;
export const FLAG_MASKED_HEADERS = 1 << 13;

/** 2.0: the first version with deflate; we use nothing newer, so we claim nothing newer. */
export const VERSION_NEEDED = 20;
/** High byte 3 = Unix, so external attributes carry a Unix mode that readers honour. */
export const HOST_UNIX = 3;
export const VERSION_MADE_BY = (HOST_UNIX << 8) | VERSION_NEEDED;

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
/** rw-r--r-- regular file: what unzip will create, whatever the writer's umask was. */
export const FILE_EXTERNAL_ATTRS = ((S_IFREG | 0o644) << 16) >>> 0;
/** MS-DOS attribute byte: directory. */
export const DOS_DIRECTORY = 0x10;

/** Values that mean "look in the ZIP64 record"; we neither write nor read ZIP64. */
export const ZIP64_MARK_16 = 0xffff;
export const ZIP64_MARK_32 = 0xffffffff;

/** Info-ZIP Unicode Path extra field: a second name some tools prefer over the header's. */
export const EXTRA_UNICODE_PATH = 0x7075;

export const DOS_EPOCH = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/**
 * DOS date and time from the date's UTC fields: DOS stamps carry no zone, and using
 * local time would make the same package differ between two machines.
 */
export function dosDateTime(date: Date): { date: number; time: number } {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1980 || year > 2107) {
    throw new RangeError(`zip: DOS timestamps cover 1980-2107; got ${String(date)}`);
  }
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}
