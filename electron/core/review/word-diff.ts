/**
 * Word-level text diff for Vietnamese copy. Text is NFC-normalised first, so the same
 * word typed with combining marks or precomposed letters compares equal; a word is a run
 * of letters, marks and digits, so "Lào" → "Lao" is one changed word, not one changed
 * character. Spaces and punctuation are tokens of their own.
 */
import { diffArrays } from 'diff';

export type DiffOp = 'eq' | 'del' | 'ins';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

export function tokenize(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/**
 * Myers' diff (jsdiff) costs about (n + m) × d steps for d changed tokens: a long text with
 * a few edits is cheap and shows those few edits. Only a change too big to align within
 * this budget shows its changed middle replaced whole, so a hostile package cannot hold
 * the core for minutes. Counted in steps, not time, so the same texts always give the
 * same diff; texts under about 3,000 tokens (1,500 words) together never reach it.
 */
const STEP_BUDGET = 10_000_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('eq', a.slice(0, start).join(''));
  for (const p of middle(a.slice(start, endA), b.slice(start, endB))) push(p.op, p.text);
  push('eq', a.slice(endA).join(''));
  return groupChanges(parts);
}

function middle(a: string[], b: string[]): DiffPart[] {
  const maxEditLength = Math.max(1, Math.floor(STEP_BUDGET / Math.max(1, a.length + b.length)));
  const changes = diffArrays(a, b, { maxEditLength });
  if (!changes)
    return [
      { op: 'del', text: a.join('') },
      { op: 'ins', text: b.join('') },
    ];
  return changes.map((c) => ({
    op: c.added ? 'ins' : c.removed ? 'del' : 'eq',
    text: c.value.join(''),
  }));
}

/**
 * "[-a-] [-b-]{+x+} {+y+}" reads worse than "[-a b-]{+x y+}": a lone space kept between two
 * changes is folded into both sides, and each run of changes shows its deletion first.
 */
function groupChanges(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    // Spaces both sides begin or end with are not part of the change: show them outside it.
    const lead = del && ins ? commonSpace(del, ins, /^\s+/) : '';
    const trail =
      del && ins ? commonSpace(del.slice(lead.length), ins.slice(lead.length), /\s+$/) : '';
    const cut = (t: string) => t.slice(lead.length, t.length - trail.length);
    if (lead) append(out, 'eq', lead);
    if (cut(del)) out.push({ op: 'del', text: cut(del) });
    if (cut(ins)) out.push({ op: 'ins', text: cut(ins) });
    if (trail) out.push({ op: 'eq', text: trail });
    del = '';
    ins = '';
  };
  parts.forEach((p, k) => {
    const between = k > 0 && k < parts.length - 1 && (del || ins);
    if (p.op === 'eq' && between && /^\s+$/.test(p.text) && parts[k + 1]!.op !== 'eq') {
      del += p.text;
      ins += p.text;
    } else if (p.op === 'del') del += p.text;
    else if (p.op === 'ins') ins += p.text;
    else {
      flush();
      append(out, 'eq', p.text);
    }
  });
  flush();
  return out;
}

function append(out: DiffPart[], op: DiffOp, text: string): void {
  const last = out.at(-1);
  if (last?.op === op) last.text += text;
  else out.push({ op, text });
}

function commonSpace(a: string, b: string, at: RegExp): string {
  const x = at.exec(a)?.[0] ?? '';
  const y = at.exec(b)?.[0] ?? '';
  return x === y ? x : '';
}

/** git's word-diff notation: [-removed-]{+added+}. */
export function renderInline(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => (p.op === 'eq' ? p.text : p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
}

export function isUnchanged(parts: readonly DiffPart[]): boolean {
  return parts.every((p) => p.op === 'eq');
}
