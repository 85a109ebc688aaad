/** The photos compare opens: 2 or 4 of the selection, or the current photo and the next. */
export function compareFiles(
  selected: readonly string[],
  order: readonly string[],
  current: string | null,
): string[] {
  if (selected.length >= 4) return selected.slice(0, 4);
  if (selected.length >= 2) return selected.slice(0, 2);
  if (current === null) return [];
  const next = order[order.indexOf(current) + 1];
  return next ? [current, next] : [current];
}
