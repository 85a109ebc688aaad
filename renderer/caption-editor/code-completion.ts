import {
  pendingCode,
  suggestCodes,
  type CodeEntry,
} from '../../common/captioning/code-replacements';

export interface Edit {
  text: string;
  caret: number;
}

const CLOSED_CODE = /=([^=\s#]+)(?:#(\d+))?=$/u;

/**
 * Photo Mechanic expands `=code=` the moment the closing `=` is typed; `=code#2=` takes the
 * second column. Only a code that exists is expanded, so "a = b = c" stays as typed.
 */
export function expandAtCaret(
  text: string,
  caret: number,
  codes: Map<string, CodeEntry>,
): Edit | null {
  const before = text.slice(0, caret);
  const m = CLOSED_CODE.exec(before);
  if (!m) return null;
  const entry = codes.get(m[1]!);
  if (!entry) return null;
  const replacement = entry.columns[m[2] ? Number(m[2]) - 1 : 0];
  if (!replacement) return null;
  const start = caret - m[0].length;
  return {
    text: text.slice(0, start) + replacement + text.slice(caret),
    caret: start + replacement.length,
  };
}

export interface Pending {
  start: number;
  query: string;
}

/**
 * The code or name being typed after `=`. A code has no spaces, but a reporter looking a
 * name up types it as a name, "=hoang giang": up to three words are searched too.
 */
export function pendingQuery(text: string, caret: number): Pending | null {
  const code = pendingCode(text, caret);
  if (code) return code;
  const m = /(^|[\s([“"'])=([^=\s][^=\n]{0,39})$/u.exec(text.slice(0, caret));
  if (!m || /\s$/u.test(m[2]!) || m[2]!.trim().split(/\s+/u).length > 3) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

export function suggestionsFor(
  codes: Map<string, CodeEntry>,
  query: string | null,
  limit = 8,
): CodeEntry[] {
  return query ? suggestCodes(codes, query, limit) : [];
}

/** Replace the typed `=query` with the entry's column (`#n` in the query picks it). */
export function acceptSuggestion(
  text: string,
  caret: number,
  pending: Pending,
  entry: CodeEntry,
): Edit {
  const col = /#(\d+)$/u.exec(pending.query);
  const replacement = entry.columns[col ? Number(col[1]) - 1 : 0] ?? entry.columns[0] ?? '';
  return {
    text: text.slice(0, pending.start) + replacement + text.slice(caret),
    caret: pending.start + replacement.length,
  };
}

/** Insert text (a {variable}, a repair) in place of the selection. */
export function insertAt(text: string, start: number, end: number, insert: string): Edit {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
