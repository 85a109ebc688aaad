import type { PhotoAnalysis } from '../../electron/contract/cull';

/**
 * Fold an analysisReady event into what the renderer holds. An event carrying every photo
 * the core knows (its last word, or a clock fix) replaces the map: ranks and stacks of
 * earlier batches may have changed. A batch only adds.
 */
export function mergeAnalysis(
  current: ReadonlyMap<string, PhotoAnalysis>,
  event: { items: readonly PhotoAnalysis[]; done: number },
): Map<string, PhotoAnalysis> {
  const next =
    event.items.length >= event.done ? new Map<string, PhotoAnalysis>() : new Map(current);
  for (const a of event.items) next.set(a.file, a);
  return next;
}
