import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTerms } from './photo-search';

const photo = (over: Partial<Parameters<typeof matchesSearch>[0]> = {}) => ({
  file: 'DSC-2403.JPG',
  caption: null,
  captionOwn: null,
  byline: null,
  city: null,
  province: null,
  location: null,
  headline: null,
  keywords: [],
  ...over,
});

describe('photo search', () => {
  it('ignores case and Vietnamese marks, đ included', () => {
    const p = photo({ caption: 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu.', city: 'Đà Nẵng' });
    expect(matchesSearch(p, searchTerms('hoang giang'))).toBe(true);
    expect(matchesSearch(p, searchTerms('HOÀNG'))).toBe(true);
    expect(matchesSearch(p, searchTerms('da nang'))).toBe(true);
    expect(matchesSearch(p, searchTerms('hoang lam'))).toBe(false);
  });

  it('looks in the file name, byline and keywords, with words in any order', () => {
    const p = photo({ byline: 'Tùng Lâm', keywords: ['hội nghị', 'công đoàn'] });
    expect(matchesSearch(p, searchTerms('2403'))).toBe(true);
    expect(matchesSearch(p, searchTerms('lam tung'))).toBe(true);
    expect(matchesSearch(p, searchTerms('cong doan'))).toBe(true);
  });

  it('an empty query matches everything; NFD input is folded the same', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(matchesSearch(photo(), [])).toBe(true);
    expect(searchTerms('Hoàng'.normalize('NFD'))).toEqual(['hoang']);
  });
});
