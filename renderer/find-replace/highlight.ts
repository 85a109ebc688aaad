import { compileFind, type FindSpec } from '../../common/captioning/find-replace';

export interface Part {
  text: string;
  changed: boolean;
}

/** The replacement one match gets, as common/captioning/find-replace.ts computes it. */
function replacementOf(match: RegExpExecArray, spec: FindSpec): string {
  const replace = spec.replace.normalize('NFC');
  if (!spec.regex) return replace;
  return replace.replace(/\$(\d{1,2}|&)/g, (_, g: string) =>
    g === '&' ? match[0] : (match[Number(g)] ?? ''),
  );
}

/**
 * A preview row's before and after, cut into unchanged and changed parts so the table
 * can highlight exactly what the replacement touches.
 */
export function highlightChange(before: string, spec: FindSpec): { before: Part[]; after: Part[] } {
  const re = compileFind(spec);
  const b: Part[] = [];
  const a: Part[] = [];
  let last = 0;
  for (const m of before.matchAll(re)) {
    const at = m.index;
    if (at > last) {
      b.push({ text: before.slice(last, at), changed: false });
      a.push({ text: before.slice(last, at), changed: false });
    }
    if (m[0]) b.push({ text: m[0], changed: true });
    const replacement = replacementOf(m as RegExpExecArray, spec);
    if (replacement) a.push({ text: replacement, changed: true });
    last = at + m[0].length;
  }
  if (last < before.length) {
    b.push({ text: before.slice(last), changed: false });
    a.push({ text: before.slice(last), changed: false });
  }
  return { before: b, after: a };
}

/** The error a pattern gives, or null: shown while typing, before asking the core. */
export function patternError(spec: FindSpec): string | null {
  if (!spec.find) return null;
  try {
    compileFind(spec);
    return null;
  } catch (err) {
    return (err as Error).message.replace(/^invalid regular expression:\s*/u, '');
  }
}
