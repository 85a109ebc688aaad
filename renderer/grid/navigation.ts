/**
 * Where a grid key moves the selection; null when the key is not a grid move. The
 * column count and the rows per screen come from the grid's computed layout
 * (virtual-layout.ts), never from the DOM, which holds only the rows on screen.
 */
export function nextIndex(
  key: string,
  index: number,
  count: number,
  columns: number,
  pageRows = 1,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'ArrowDown':
      return index + columns <= last ? index + columns : index;
    case 'PageUp': {
      const target = index - columns * Math.max(1, pageRows);
      // Past the top: the first row, in the same column.
      return target >= 0 ? target : Math.min(last, index % columns);
    }
    case 'PageDown': {
      const target = index + columns * Math.max(1, pageRows);
      if (target <= last) return target;
      // Past the end: the last row, in the same column when it reaches that far.
      const lastRowStart = Math.floor(last / columns) * columns;
      return Math.max(index, Math.min(last, lastRowStart + (index % columns)));
    }
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** The keys nextIndex knows, for the handlers that decide whether a key is theirs. */
export const GRID_MOVE_KEYS: ReadonlySet<string> = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);
