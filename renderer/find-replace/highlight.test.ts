import { describe, expect, it } from 'vitest';
import { replaceAll, type FindSpec } from '../../common/captioning/find-replace';
import { highlightChange, patternError } from './highlight';

const spec = (over: Partial<FindSpec>): FindSpec => ({
  find: 'uỷ',
  replace: 'ủy',
  regex: false,
  caseSensitive: true,
  ...over,
});

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const changed = (parts: { text: string; changed: boolean }[]) =>
  parts.filter((p) => p.changed).map((p) => p.text);

describe('find and replace highlighting', () => {
  it('marks each match before and its replacement after', () => {
    const before = 'Tỉnh uỷ và Thành uỷ.';
    const r = highlightChange(before, spec({}));
    expect(joined(r.before)).toBe(before);
    expect(joined(r.after)).toBe(replaceAll(before, spec({})).text);
    expect(changed(r.before)).toEqual(['uỷ', 'uỷ']);
    expect(changed(r.after)).toEqual(['ủy', 'ủy']);
  });

  it('agrees with the core on regular expressions, groups and case', () => {
    const cases: [string, FindSpec][] = [
      [
        'ngày 26/12/2024',
        spec({ find: '(\\d+)/(\\d+)/(\\d{4})', replace: '$1-$2-$3', regex: true }),
      ],
      ['Ảnh: TÙNG LÂM', spec({ find: 'tùng lâm', replace: 'Tùng Lâm', caseSensitive: false })],
      ['a $1 b', spec({ find: 'a', replace: '$1', regex: false })],
      ['xyz', spec({ find: 'q*', replace: '-', regex: true })],
    ];
    for (const [before, s] of cases) {
      expect(joined(highlightChange(before, s).after)).toBe(replaceAll(before, s).text);
    }
  });

  it('explains an invalid pattern, and accepts a valid one', () => {
    expect(patternError(spec({ find: '(', regex: true }))).toMatch(/group|\(/i);
    expect(patternError(spec({ find: '(', regex: false }))).toBeNull();
    expect(patternError(spec({ find: '' }))).toBeNull();
  });
});
