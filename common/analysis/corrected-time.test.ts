import { describe, expect, it } from 'vitest';
import { formatOffset, parseOffset, sortByCorrectedTime } from './corrected-time';

const p = (file: string, capturedAt: string | null, serial: string) => ({
  file,
  capturedAt,
  make: 'Canon',
  model: 'EOS R6',
  serial,
});

describe('clock corrections', () => {
  it('reads offsets as a photographer types them', () => {
    expect(parseOffset('-75')).toBe(-75);
    expect(parseOffset('+1:15')).toBe(75);
    expect(parseOffset(' −0:05 ')).toBe(-5);
    expect(parseOffset('-1:00:00')).toBe(-3600);
    expect(parseOffset('0')).toBe(0);
    expect(parseOffset('1:75')).toBeNull();
    expect(parseOffset('1.5')).toBeNull();
    expect(parseOffset('')).toBeNull();
    expect(parseOffset('5 phút')).toBeNull();
  });

  it('writes them back the same way', () => {
    expect([75, -5, -3600, 0, 3725].map(formatOffset)).toEqual([
      '+1:15',
      '-0:05',
      '-1:00:00',
      '0',
      '+1:02:05',
    ]);
    for (const s of [75, -5, -3600, 3725]) expect(parseOffset(formatOffset(s))).toBe(s);
  });

  it('merges two bodies in shooting order once one clock is corrected, untimed photos last', () => {
    const photos = [
      p('B1.jpg', '2026-01-05T10:00:01Z', '2'),
      p('A1.jpg', '2026-01-05T09:00:00Z', '1'),
      p('scan10.jpg', null, '1'),
      p('A2.jpg', '2026-01-05T09:00:02Z', '1'),
      p('scan9.jpg', null, '1'),
    ];
    const names = (offsets: Record<string, number>) =>
      sortByCorrectedTime(photos, offsets).map((x) => x.file);
    expect(names({})).toEqual(['A1.jpg', 'A2.jpg', 'B1.jpg', 'scan9.jpg', 'scan10.jpg']);
    expect(names({ 'EOS R6 #2': -3600 })).toEqual([
      'A1.jpg',
      'B1.jpg',
      'A2.jpg',
      'scan9.jpg',
      'scan10.jpg',
    ]);
  });
});
