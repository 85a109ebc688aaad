import { describe, expect, it } from 'vitest';
import { commonValue, joinList, MIXED, splitBylines, splitList } from './common-value';

describe('common values of a selection', () => {
  it('gives the shared value, or MIXED', () => {
    const read = (t: { city: string }) => t.city;
    expect(commonValue([{ city: 'Lào Cai' }, { city: 'Lào Cai' }], read)).toBe('Lào Cai');
    expect(commonValue([{ city: 'Lào Cai' }, { city: '' }], read)).toBe(MIXED);
    expect(commonValue([], read)).toBe('');
  });

  it('splits keyword and byline lists as typed', () => {
    expect(splitList('hội nghị, công đoàn ,,')).toEqual(['hội nghị', 'công đoàn']);
    expect(joinList(['a', 'b'])).toBe('a, b');
    expect(splitBylines('Tùng Lâm; Hà Anh')).toEqual(['Tùng Lâm', 'Hà Anh']);
  });
});
