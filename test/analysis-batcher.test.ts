import { describe, expect, it } from 'vitest';
import { Batcher } from '../electron/core/analysis/batcher';

describe('Batcher', () => {
  it('sends after maxItems results or after maxMs, whichever comes first, and nothing empty', () => {
    let now = 0;
    const sent: number[][] = [];
    const b = new Batcher<number>(
      (items) => sent.push(items),
      3,
      100,
      () => now,
    );
    expect([b.add(1), b.add(2), b.add(3)]).toEqual([false, false, true]);
    expect(sent).toEqual([[1, 2, 3]]);
    now = 50;
    expect(b.add(4)).toBe(false);
    now = 150;
    expect(b.add(5)).toBe(true);
    expect(sent).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    b.flush();
    expect(sent).toHaveLength(2);
    b.add(6);
    b.flush();
    expect(sent.at(-1)).toEqual([6]);
  });
});
