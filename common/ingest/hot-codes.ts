/**
 * Photo Mechanic's "hot codes" for ingest: camera serial → photographer. The file is
 * tab-separated `serial<TAB>byline`, one a line; `//` starts a comment line.
 */
export interface HotCodeEntry {
  serial: string;
  byline: string;
}

export interface HotCodeParse {
  codes: HotCodeEntry[];
  /** Lines that are neither a code nor a comment, 1-based, with what is wrong. */
  problems: { line: number; text: string; message: string }[];
}

export function parseHotCodes(text: string): HotCodeParse {
  const codes: HotCodeEntry[] = [];
  const problems: HotCodeParse['problems'] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.normalize('NFC');
      if (!line.trim() || line.trim().startsWith('//')) return;
      const tab = line.indexOf('\t');
      const serial = tab > 0 ? line.slice(0, tab).trim() : '';
      const byline = tab > 0 ? line.slice(tab + 1).trim() : '';
      if (!serial || !byline)
        problems.push({ line: i + 1, text: line, message: 'expected serial<TAB>byline' });
      else codes.push({ serial, byline });
    });
  return { codes, problems };
}

/** Serials compare trimmed and case-insensitively (some bodies write them in lower case). */
export function bylineForSerial(
  codes: readonly HotCodeEntry[],
  serial: string | null,
): string | null {
  if (!serial) return null;
  const key = serial.trim().toLowerCase();
  return codes.find((c) => c.serial.trim().toLowerCase() === key)?.byline ?? null;
}
