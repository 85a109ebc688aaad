import { describe, expect, it } from 'vitest';
import { nextIndex } from './navigation';

describe('nextIndex', () => {
  // 10 tiles in rows of 4: 0-3, 4-7, 8-9.
  const move = (key: string, from: number) => nextIndex(key, from, 10, 4);

  it('moves by one sideways and stops at the ends', () => {
    expect(move('ArrowRight', 3)).toBe(4);
    expect(move('ArrowLeft', 4)).toBe(3);
    expect(move('ArrowLeft', 0)).toBe(0);
    expect(move('ArrowRight', 9)).toBe(9);
  });

  it('moves by a row, staying put where there is no row', () => {
    expect(move('ArrowDown', 1)).toBe(5);
    expect(move('ArrowUp', 5)).toBe(1);
    expect(move('ArrowUp', 2)).toBe(2);
    expect(move('ArrowDown', 7)).toBe(7);
    expect(move('ArrowDown', 5)).toBe(9);
  });

  it('jumps to the first and last photo', () => {
    expect(move('Home', 6)).toBe(0);
    expect(move('End', 2)).toBe(9);
  });

  it('pages by a screenful of rows, keeping the column, and stops at the ends', () => {
    // 30 tiles in rows of 4 (the last row is 28-29), 3 rows per screen.
    const page = (key: string, from: number) => nextIndex(key, from, 30, 4, 3);
    expect(page('PageDown', 1)).toBe(13);
    expect(page('PageUp', 13)).toBe(1);
    expect(page('PageUp', 6)).toBe(2);
    expect(page('PageDown', 21)).toBe(29);
    expect(page('PageDown', 23)).toBe(29);
    expect(page('PageDown', 17)).toBe(29);
    expect(page('PageDown', 16)).toBe(28);
    expect(page('PageDown', 29)).toBe(29);
    expect(page('PageUp', 0)).toBe(0);
  });

  it('ignores other keys and empty grids', () => {
    expect(move('a', 2)).toBeNull();
    expect(nextIndex('ArrowRight', 0, 0, 4)).toBeNull();
  });
});
