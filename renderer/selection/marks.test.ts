import { describe, expect, it } from 'vitest';
import { NO_MARKS, pick, selectAll, selectedFiles, type Marks } from './marks';

const order = ['a', 'b', 'c', 'd', 'e'];
const sorted = (m: Marks) => [...m.files].sort();

describe('multi-selection', () => {
  it('a plain pick selects one photo and sets the anchor', () => {
    const r = pick(NO_MARKS, order, 'a', 'c', 'only');
    expect(r.current).toBe('c');
    expect(sorted(r.marks)).toEqual(['c']);
    expect(r.marks.anchor).toBe('c');
  });

  it('Shift extends from the anchor, in either direction, replacing the range', () => {
    let r = pick(NO_MARKS, order, 'a', 'b', 'only');
    r = pick(r.marks, order, r.current, 'd', 'extend');
    expect(sorted(r.marks)).toEqual(['b', 'c', 'd']);
    expect(r.current).toBe('d');
    r = pick(r.marks, order, r.current, 'a', 'extend');
    expect(sorted(r.marks)).toEqual(['a', 'b']);
    expect(r.marks.anchor).toBe('b');
  });

  it('Shift with no anchor yet starts from the current photo', () => {
    const r = pick(NO_MARKS, order, 'b', 'd', 'extend');
    expect(sorted(r.marks)).toEqual(['b', 'c', 'd']);
  });

  it('Ctrl/Cmd toggles one photo, and the current one moves to a neighbour when unselected', () => {
    let r = pick(NO_MARKS, order, 'a', 'b', 'only');
    r = pick(r.marks, order, r.current, 'd', 'toggle');
    expect(sorted(r.marks)).toEqual(['b', 'd']);
    expect(r.current).toBe('d');
    r = pick(r.marks, order, r.current, 'd', 'toggle');
    expect(sorted(r.marks)).toEqual(['b']);
    expect(r.current).toBe('b');
    // The last one stays selected.
    r = pick(r.marks, order, r.current, 'b', 'toggle');
    expect(sorted(r.marks)).toEqual(['b']);
    expect(r.current).toBe('b');
  });

  it('Ctrl/Cmd+A selects every photo shown and keeps the current one', () => {
    const marks = selectAll(order, 'c');
    expect(selectedFiles(marks, order, 'c')).toEqual(order);
  });

  it('always includes the current photo, even when the marks went stale', () => {
    expect(selectedFiles({ anchor: 'a', files: new Set(['a', 'b']) }, order, 'e')).toEqual(['e']);
    expect(selectedFiles(NO_MARKS, order, null)).toEqual([]);
    // Files no longer shown (filtered out) drop out of the selection.
    expect(selectedFiles({ anchor: 'a', files: new Set(['a', 'x']) }, order, 'a')).toEqual(['a']);
  });
});
