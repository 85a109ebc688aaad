import { describe, expect, it } from 'vitest';
import { progressGate } from './rate-limit';

describe('progressGate', () => {
  it('lets one event through per interval, and always the final one', () => {
    let clock = 1000;
    const due = progressGate(100, () => clock);
    expect(due(false)).toBe(true);
    clock += 50;
    expect(due(false)).toBe(false);
    expect(due(true)).toBe(true);
    clock += 60;
    expect(due(false)).toBe(false);
    clock += 50;
    expect(due(false)).toBe(true);
  });
});
