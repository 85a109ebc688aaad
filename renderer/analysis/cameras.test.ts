import { describe, expect, it } from 'vitest';
import { camerasOf } from './cameras';

const p = (capturedAt: string | null, model: string | null, serial: string | null) => ({
  capturedAt,
  make: 'Canon',
  model,
  serial,
});

describe('camerasOf', () => {
  it('lists each body once, the busiest first, with its earliest capture time', () => {
    expect(
      camerasOf([
        p('2026-01-05T09:00:02Z', 'EOS R6', '1'),
        p('2026-01-05T09:00:00Z', 'EOS R6', '1'),
        p(null, 'EOS R6', '1'),
        p('2026-01-05T10:00:00Z', 'EOS R5', '2'),
        p(null, null, null),
      ]),
    ).toEqual([
      { key: 'EOS R6 #1', photos: 3, first: '2026-01-05T09:00:00Z' },
      { key: 'Canon', photos: 1, first: null },
      { key: 'EOS R5 #2', photos: 1, first: '2026-01-05T10:00:00Z' },
    ]);
  });
});
