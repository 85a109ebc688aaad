/** A word diff from diffPackages as runs to render: adjacent runs of one kind joined. */
export type DiffOp = 'eq' | 'del' | 'ins';
export interface DiffPart {
  op: DiffOp;
  text: string;
}
export interface DiffRun extends DiffPart {
  key: string;
}

export function diffRuns(parts: readonly DiffPart[]): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = runs.at(-1);
    if (last?.op === part.op) last.text += part.text;
    else runs.push({ op: part.op, text: part.text, key: `${runs.length}` });
  }
  return runs;
}

/** Whether a diff changes anything (a diff of equal runs only does not). */
export const changes = (parts: readonly DiffPart[] | null): boolean =>
  !!parts?.some((p) => p.op !== 'eq' && p.text !== '');

/** Comments grouped by target, article first, then in the order targets appear. */
export function groupByTarget<T extends { target: string }>(
  comments: readonly T[],
  order: readonly string[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const c of comments) groups.set(c.target, [...(groups.get(c.target) ?? []), c]);
  const rank = (t: string) =>
    t === 'article' ? -1 : order.indexOf(t) < 0 ? 1e9 : order.indexOf(t);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}
