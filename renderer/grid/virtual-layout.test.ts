import { describe, expect, it } from 'vitest';
import { NO_MARKS, pick, selectedFiles } from '../selection/marks';
import { nextIndex } from './navigation';
import {
  GRID_GAP,
  GRID_PADDING,
  cellPosition,
  clampTileSize,
  gridLayout,
  rowsPerPage,
  scrollToShow,
  visibleRange,
} from './virtual-layout';

describe('virtual grid layout', () => {
  // Frame 160 → cell 170 wide (plus gap 8 = 178), 190 high, stride 198.
  const layout = gridLayout(10_000, 1000, 800, 160);

  it('fits as many columns as the width allows and shares the spare width', () => {
    // (1000 - 24 + 8) / 178 = 5.5 → 5 columns.
    expect(layout.columns).toBe(5);
    expect(layout.cellWidth).toBe(Math.floor((1000 - 24 - 4 * GRID_GAP) / 5));
    expect(layout.rows).toBe(2000);
    expect(layout.rowStride).toBe(198);
    expect(layout.totalHeight).toBe(2 * GRID_PADDING + 2000 * 198 - GRID_GAP);
    expect(gridLayout(3, 50, 800, 160).columns).toBe(1);
    expect(gridLayout(0, 1000, 800, 160).totalHeight).toBe(0);
    expect(gridLayout(7, 1000, 800, 80).columns).toBe(Math.floor((976 + 8) / 98));
  });

  it('places a tile by its row and column', () => {
    expect(cellPosition(layout, 0)).toEqual({ top: 12, left: 12 });
    expect(cellPosition(layout, 7)).toEqual({
      top: 12 + 198,
      left: 12 + 2 * (layout.cellWidth + 8),
    });
  });

  it('renders the rows on screen and a margin, a few dozen tiles out of 10,000', () => {
    expect(visibleRange(layout, 0, 2)).toEqual({ start: 0, end: 7 * 5 });
    const mid = visibleRange(layout, 198 * 1000 + 12, 2);
    expect(mid.start).toBe(998 * 5);
    expect(mid.end).toBe(1007 * 5);
    expect(mid.end - mid.start).toBeLessThan(100);
    const end = visibleRange(layout, layout.totalHeight - 800, 2);
    expect(end.end).toBe(10_000);
    expect(visibleRange(gridLayout(0, 1000, 800, 160), 0, 2)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls just enough to show a tile, and not at all when it is in view', () => {
    expect(scrollToShow(layout, 3, 0)).toBeNull();
    // Row 10 is below an 800-px viewport at the top: its bottom edge comes to the bottom.
    const top10 = 12 + 10 * 198;
    expect(scrollToShow(layout, 50, 0)).toBe(top10 + 190 + GRID_PADDING - 800);
    // Scrolled past it: its top comes to the top.
    expect(scrollToShow(layout, 50, 5000)).toBe(top10 - GRID_PADDING);
    // The last tile: the end of the content.
    expect(scrollToShow(layout, 9999, 0)).toBe(layout.totalHeight - 800);
    expect(scrollToShow(layout, 10_000, 0)).toBeNull();
  });

  it('counts whole rows per screen for Page Up/Down', () => {
    expect(rowsPerPage(layout)).toBe(Math.floor((800 - 24 + 8) / 198));
    expect(rowsPerPage(gridLayout(10, 1000, 50, 160))).toBe(1);
  });

  it('keeps the tile size within bounds', () => {
    expect(clampTileSize(10)).toBe(80);
    expect(clampTileSize(1000)).toBe(400);
    expect(clampTileSize(Number.NaN)).toBe(160);
  });
});

describe('keyboard ranges across the whole set', () => {
  const order = Array.from({ length: 3000 }, (_, i) => `IMG_${String(i).padStart(4, '0')}.JPG`);
  const layout = gridLayout(order.length, 1000, 800, 160);
  const pageRows = rowsPerPage(layout);

  it('Home, then Shift+Page Down repeatedly, selects a contiguous range from the anchor', () => {
    let r = pick(NO_MARKS, order, order[5]!, order[0]!, 'only');
    let index = 0;
    for (let i = 0; i < 4; i++) {
      index = nextIndex('PageDown', index, order.length, layout.columns, pageRows)!;
      r = pick(r.marks, order, r.current, order[index]!, 'extend');
    }
    const files = selectedFiles(r.marks, order, r.current);
    expect(files.length).toBe(4 * pageRows * layout.columns + 1);
    expect(files[0]).toBe(order[0]);
    expect(r.current).toBe(order[index]);
    // Shift+End reaches the last photo, far outside anything rendered.
    r = pick(r.marks, order, r.current, order[nextIndex('End', index, 3000, 5)!]!, 'extend');
    expect(selectedFiles(r.marks, order, r.current).length).toBe(3000);
    // Shift+Home from there shrinks back to the anchor.
    r = pick(r.marks, order, r.current, order[0]!, 'extend');
    expect(selectedFiles(r.marks, order, r.current)).toEqual([order[0]]);
  });
});
