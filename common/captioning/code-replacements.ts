import { searchKey } from '../text/normalize';

/**
 * Photo Mechanic's code replacement lists: UTF-8, one `code<TAB>replacement[<TAB>more]`
 * per line, `//` comments. `=code=` expands to column 1, `=code#2=` to column 2.
 * Codes are case-sensitive; when several lists define a code, the last loaded wins.
 */
export interface CodeEntry {
  code: string;
  columns: string[];
}

export interface ParseResult {
  entries: CodeEntry[];
  /** Lines that were neither blank, comments nor entries, with their numbers. */
  skipped: { line: number; text: string }[];
}

export function parseCodeList(text: string): ParseResult {
  const entries: CodeEntry[] = [];
  const skipped: { line: number; text: string }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trimEnd();
      if (!line.trim() || line.trimStart().startsWith('//')) return;
      const [code, ...columns] = line.split('\t');
      if (!code || !columns.length || !columns[0]) {
        skipped.push({ line: i + 1, text: raw });
        return;
      }
      entries.push({ code: code.trim(), columns });
    });
  return { entries, skipped };
}

export function formatCodeList(entries: CodeEntry[]): string {
  return (
    [
      '// CaptionDesk code replacements (Photo Mechanic format: code<TAB>replacement)',
      ...entries.map((e) => [e.code, ...e.columns].join('\t')),
    ].join('\n') + '\n'
  );
}

/** Lists in load order: later ones override earlier ones. */
export function mergeCodeLists(lists: CodeEntry[][]): Map<string, CodeEntry> {
  const map = new Map<string, CodeEntry>();
  for (const list of lists) for (const e of list) map.set(e.code, e);
  return map;
}

const CODE = /=([^=\s#]+)(?:#(\d+))?=/g;

/** Expand every complete `=code=` / `=code#n=`; unknown codes stay as typed. */
export function expandCodes(text: string, codes: Map<string, CodeEntry>): string {
  return text.replace(CODE, (whole, code: string, col?: string) => {
    const e = codes.get(code);
    if (!e) return whole;
    const index = col ? Number(col) - 1 : 0;
    return e.columns[index] ?? whole;
  });
}

/**
 * What the caret is typing, when it is an unfinished code: `=` plus a few letters
 * after a word boundary. Returns the partial code and where it starts.
 */
export function pendingCode(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s([“"'])=([^=\s]{1,40})$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

/** Autocomplete: codes and replacements matched ignoring case and Vietnamese marks. */
export function suggestCodes(codes: Map<string, CodeEntry>, query: string, limit = 8): CodeEntry[] {
  const q = searchKey(query.replace(/#\d*$/, ''));
  if (!q) return [];
  const scored: { e: CodeEntry; rank: number }[] = [];
  for (const e of codes.values()) {
    const code = searchKey(e.code);
    const text = searchKey(e.columns.join(' '));
    const rank =
      code === q
        ? 0
        : code.startsWith(q)
          ? 1
          : text.split(/\s+/).some((w) => w.startsWith(q))
            ? 2
            : q.length >= 3 && text.includes(q)
              ? 3
              : -1;
    if (rank >= 0) scored.push({ e, rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.e.code.localeCompare(b.e.code))
    .slice(0, limit)
    .map((s) => s.e);
}
