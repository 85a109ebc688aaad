import type { PhotoAnalysis } from '../../electron/contract/cull';

type Analysis = ReadonlyMap<string, PhotoAnalysis>;

/** Drop the soft frames; a photo not analysed yet stays (hiding it would look like a loss). */
export function hideSoft<T extends { file: string }>(tiles: readonly T[], analysis: Analysis): T[] {
  return tiles.filter((t) => !analysis.get(t.file)?.soft);
}

/**
 * One frame per stack: its best. When the best is not among `tiles` (another filter hid
 * it), the sharpest frame that is stands in, so a stack never vanishes whole. Order kept.
 */
export function onePerStack<T extends { file: string }>(
  tiles: readonly T[],
  analysis: Analysis,
): T[] {
  const keep = new Map<string, T>();
  for (const t of tiles) {
    const a = analysis.get(t.file);
    if (!a?.stack) continue;
    const held = keep.get(a.stack);
    const heldA = held && analysis.get(held.file);
    if (
      !held ||
      (!heldA?.stackBest && (a.stackBest || (a.sharpness ?? 0) > (heldA?.sharpness ?? 0)))
    )
      keep.set(a.stack, t);
  }
  const kept = new Set(keep.values());
  return tiles.filter((t) => {
    const stack = analysis.get(t.file)?.stack;
    return !stack || kept.has(t);
  });
}

export interface AnalysisFilter {
  hideSoft: boolean;
  onePerStack: boolean;
}

/** Soft frames are hidden first; each stack then shows its best frame still visible. */
export function applyAnalysisFilter<T extends { file: string }>(
  tiles: readonly T[],
  analysis: Analysis,
  filter: AnalysisFilter,
): readonly T[] {
  let out = tiles;
  if (filter.hideSoft) out = hideSoft(out, analysis);
  if (filter.onePerStack) out = onePerStack(out, analysis);
  return out;
}
