import { describe, expect, it } from 'vitest';
import { mapPool } from './collections';

describe('mapPool', () => {
  it('keeps input order with a limit on what runs at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('after a failure starts nothing new and settles only when the work in flight has', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapPool([0, 1, 2, 3, 4, 5], 3, async (i) => {
      started.push(i);
      if (i === 0) throw new Error('bad photo 0');
      await new Promise((r) => setTimeout(r, 30));
      finished.push(i);
      return i;
    });
    await expect(run).rejects.toThrow('bad photo 0');
    // The two already running when 0 failed were awaited; nothing after them began.
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([1, 2]);
  });
});
