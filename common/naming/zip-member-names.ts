/**
 * The one naming policy for members of our zips. The writer refuses what the reader
 * would reject, so every package we make can be opened by the editor.
 */

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Control characters are exactly what these look for. C1 controls (0x80-0x9f) too:
// terminals act on some of them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001f\u007f-\u009f]/;
// Right-to-left overrides make "gpj.exe" display as "exe.jpg".
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Long enough for any path we write (manifest paths are ≤ 255 chars), short enough to stay cheap. */
export const MAX_NAME_BYTES = 1024;

/**
 * Why `name` is not a safe relative member path, or null when it is. `name` is the
 * decoded name; a trailing `/` marks a directory entry.
 */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'name contains a NUL byte';
  if (CONTROL.test(name)) return 'name contains a control character';
  if (BIDI.test(name)) return 'name contains a bidirectional control';
  if (name.includes('\\')) return 'name contains a backslash (a Windows path separator)';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'name starts with a drive letter';
  // Elsewhere a colon names an NTFS alternate data stream; no member of ours needs one.
  if (name.includes(':')) return 'name contains a colon';
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  for (const segment of body.split('/')) {
    if (segment === '..') return 'name has a ".." segment (path traversal)';
    if (segment === '.') return 'name has a "." segment';
    if (segment === '') return 'name has an empty segment ("//" or a lone "/")';
  }
  return null;
}

/**
 * Two names that would land on the same file on a case-insensitive or
 * normalisation-insensitive file system (Windows, macOS) share this key.
 * Upper- then lower-casing folds ß→ss and similar, which toLowerCase alone misses.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

export type DecodedName = { ok: true; name: string } | { ok: false; reason: string };

/** Decode a raw header name: strict UTF-8 when flagged, plain ASCII otherwise. */
export function decodeName(bytes: Uint8Array, utf8Flag: boolean): DecodedName {
  if (utf8Flag) {
    try {
      return { ok: true, name: STRICT_UTF8.decode(bytes) };
    } catch {
      return { ok: false, reason: 'name is marked UTF-8 but is not valid UTF-8' };
    }
  }
  if (bytes.some((b) => b >= 0x80)) {
    return {
      ok: false,
      reason:
        'name has non-ASCII bytes but is not marked UTF-8, so its code page (CP437 or a local one) is a guess',
    };
  }
  return { ok: true, name: Buffer.from(bytes).toString('latin1') };
}

/** A printable form of a raw name for error messages: ASCII as is, anything else as \xNN. */
export function describeRawName(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes.subarray(0, 200)) {
    out +=
      b >= 0x20 && b < 0x7f && b !== 0x5c
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return bytes.length > 200 ? `${out}…` : out;
}

/** Escape control characters in a decoded name before it reaches a message or a terminal. */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
