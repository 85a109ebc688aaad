/**
 * The geometry of the virtualized grid, computed rather than measured: with 10,000
 * photos only the rows on screen (plus a margin) exist in the DOM, so nothing can be
 * asked of a tile that is not there. Every size here matches grid.module.css.
 */

/** Space around the tiles and between them, in CSS pixels (grid.module.css uses the same). */
export const GRID_PADDING = 12;
export const GRID_GAP = 8;
/** A tile's padding and border around its square frame, per side. */
const TILE_INSET = 5;
/** The file name line under the frame, with its margin. */
const NAME_HEIGHT = 20;

export const TILE_SIZE_MIN = 80;
export const TILE_SIZE_MAX = 400;
export const TILE_SIZE_DEFAULT = 160;
export const TILE_SIZE_STEP = 20;

export interface GridLayout {
  count: number;
  columns: number;
  rows: number;
  /** Width and height of one tile's box. */
  cellWidth: number;
  cellHeight: number;
  /** From one row's top to the next row's top. */
  rowStride: number;
  /** Height of the whole scrolled content. */
  totalHeight: number;
  viewportHeight: number;
}

export function clampTileSize(size: number): number {
  if (!Number.isFinite(size)) return TILE_SIZE_DEFAULT;
  return Math.min(TILE_SIZE_MAX, Math.max(TILE_SIZE_MIN, Math.round(size)));
}

/** Columns from the width the grid has; the tiles share the spare width, as before. */
export function gridLayout(
  count: number,
  width: number,
  viewportHeight: number,
  frame: number,
): GridLayout {
  const minCell = frame + 2 * TILE_INSET;
  const inner = Math.max(0, width - 2 * GRID_PADDING);
  const columns = Math.max(1, Math.floor((inner + GRID_GAP) / (minCell + GRID_GAP)));
  const cellWidth = Math.max(minCell, Math.floor((inner - (columns - 1) * GRID_GAP) / columns));
  const cellHeight = frame + 2 * TILE_INSET + NAME_HEIGHT;
  const rowStride = cellHeight + GRID_GAP;
  const rows = Math.ceil(count / columns);
  const totalHeight = rows === 0 ? 0 : 2 * GRID_PADDING + rows * rowStride - GRID_GAP;
  return { count, columns, rows, cellWidth, cellHeight, rowStride, totalHeight, viewportHeight };
}

export function rowOf(layout: GridLayout, index: number): number {
  return Math.floor(index / layout.columns);
}

/** Where a tile's box sits in the scrolled content. */
export function cellPosition(layout: GridLayout, index: number): { top: number; left: number } {
  const row = rowOf(layout, index);
  const column = index % layout.columns;
  return {
    top: GRID_PADDING + row * layout.rowStride,
    left: GRID_PADDING + column * (layout.cellWidth + GRID_GAP),
  };
}

/** Whole rows that fit in the viewport: Page Up/Down move by this many. */
export function rowsPerPage(layout: GridLayout): number {
  return Math.max(
    1,
    Math.floor((layout.viewportHeight - 2 * GRID_PADDING + GRID_GAP) / layout.rowStride),
  );
}

/**
 * The tiles to put in the DOM for a scroll position: the rows that touch the viewport
 * plus `marginRows` above and below, as a half-open index range [start, end).
 */
export function visibleRange(
  layout: GridLayout,
  scrollTop: number,
  marginRows: number,
): { start: number; end: number } {
  if (layout.count === 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop - GRID_PADDING);
  const firstRow = Math.max(0, Math.floor(top / layout.rowStride) - marginRows);
  const lastRow = Math.min(
    layout.rows - 1,
    Math.floor((top + layout.viewportHeight) / layout.rowStride) + marginRows,
  );
  return {
    start: firstRow * layout.columns,
    end: Math.min(layout.count, (lastRow + 1) * layout.columns),
  };
}

/**
 * The scroll position that brings a tile fully into view with the least movement, or
 * null when it is already in view (then nothing scrolls).
 */
export function scrollToShow(layout: GridLayout, index: number, scrollTop: number): number | null {
  if (index < 0 || index >= layout.count) return null;
  const { top } = cellPosition(layout, index);
  const bottom = top + layout.cellHeight;
  const maxScroll = Math.max(0, layout.totalHeight - layout.viewportHeight);
  if (top - GRID_PADDING < scrollTop) return Math.max(0, top - GRID_PADDING);
  if (bottom + GRID_PADDING > scrollTop + layout.viewportHeight) {
    return Math.min(maxScroll, Math.max(0, bottom + GRID_PADDING - layout.viewportHeight));
  }
  return null;
}
