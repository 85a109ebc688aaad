import { describe, expect, it } from 'vitest';
import {
  expandCodes,
  formatCodeList,
  mergeCodeLists,
  parseCodeList,
  pendingCode,
  suggestCodes,
} from './code-replacements';
import { renderVariables } from './variables';
import { checkCaption } from './checks';
import { replaceAll } from './find-replace';
import { truncateToBytes, utf8Length } from '../text/byte-budget';

const list = parseCodeList(
  '// Báo Lào Cai\nhg\tPhó Bí thư Tỉnh ủy Hoàng Giang\tHoàng Giang\nttx\tĐồng chí Thái Thu Xương\n\nbroken line\n',
);

describe('code replacements (Photo Mechanic format)', () => {
  it('parses columns and comments, and reports lines it skipped', () => {
    expect(list.entries).toEqual([
      { code: 'hg', columns: ['Phó Bí thư Tỉnh ủy Hoàng Giang', 'Hoàng Giang'] },
      { code: 'ttx', columns: ['Đồng chí Thái Thu Xương'] },
    ]);
    expect(list.skipped).toEqual([{ line: 5, text: 'broken line' }]);
    expect(parseCodeList(formatCodeList(list.entries)).entries).toEqual(list.entries);
  });

  it('expands =code= and =code#2=, case-sensitively, last list winning', () => {
    const codes = mergeCodeLists([
      list.entries,
      [{ code: 'ttx', columns: ['Phó Chủ tịch Thái Thu Xương'] }],
    ]);
    expect(expandCodes('=hg= phát biểu. =hg#2= và =ttx=. =HG= =nope=', codes)).toBe(
      'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu. Hoàng Giang và Phó Chủ tịch Thái Thu Xương. =HG= =nope=',
    );
  });

  it('suggests codes while typing, ignoring marks: "hoang giang" finds Hoàng Giang', () => {
    const codes = mergeCodeLists([list.entries]);
    expect(pendingCode('Đồng chí =ho', 12)).toEqual({ start: 9, query: 'ho' });
    expect(pendingCode('a=b', 3)).toBeNull();
    expect(suggestCodes(codes, 'hoang giang').map((e) => e.code)).toEqual(['hg']);
    expect(suggestCodes(codes, 'xuong').map((e) => e.code)).toEqual(['ttx']);
    expect(suggestCodes(codes, 'h').map((e) => e.code)).toEqual(['hg']);
  });
});

describe('variables', () => {
  it('renders live values and leaves unknown ones visible', () => {
    const ctx = { filename: 'DSC-2409.JPG', city: 'Lào Cai', date: '2024-12-26', seqn: 7 };
    expect(
      renderVariables('Quang cảnh hội nghị tại {city} ngày {date} ({fbas}, {seqn}) {nope}.', ctx),
    ).toBe('Quang cảnh hội nghị tại Lào Cai ngày 26/12/2024 (DSC-2409, 007) {nope}.');
  });
});

describe('caption checks', () => {
  const ctx = { capturedAt: '2024-12-26T14:03:00+07:00', places: ['Lào Cai'] };
  const codes = (s: string) => checkCaption(s, ctx).map((i) => i.code);
  it('passes a good caption', () => {
    expect(codes('Chiều 26/12, hội nghị diễn ra tại Lào Cai.')).toEqual([]);
  });
  it('finds each problem', () => {
    expect(codes('   ')).toEqual(['empty']);
    expect(codes('Quang cảnh hội nghị.')).toEqual(['noPlaceOrDate']);
    expect(codes('Chiều 25/12, tại Lào Cai.')).toEqual(['dateMismatch']);
    expect(codes('Chiều 26/12, tại  Lào Cai.')).toEqual(['doubleSpace']);
    expect(codes('Chiều 26/12, tại Lào Cai')).toEqual(['noFinalStop']);
    expect(codes('Chiều 26/12 tại Lào Cai (ảnh trên).')).toEqual([]);
    expect(codes('Chiều 26/12 tại Lào Cai ' + 'ệ'.repeat(700) + '.')).toEqual(['overBudget']);
    expect(codes('Chiều 26/12 tại {city}.')).toContain('unresolvedVariable');
  });
  it('checks other fields against their byte budgets', () => {
    const issues = checkCaption('Chiều 26/12 tại Lào Cai.', {
      ...ctx,
      fields: { city: 'Thành phố Lào Cai, tỉnh Lào Cai' },
    });
    expect(issues).toEqual([
      { code: 'overBudget', detail: { field: 'city', used: 38, limit: 32 } },
    ]);
  });
});

describe('byte budgets', () => {
  it('counts bytes, and cuts only between whole characters', () => {
    expect(utf8Length('Mường Khương')).toBe(17);
    const cut = truncateToBytes('Mường Khương', 4);
    expect(cut).toEqual({ text: 'Mư', cut: true });
  });
});

describe('find and replace', () => {
  it('replaces plain text literally and regex with groups', () => {
    expect(
      replaceAll('Tỉnh ủy $1 tỉnh ủy', {
        find: 'tỉnh ủy',
        replace: 'Tỉnh uỷ',
        regex: false,
        caseSensitive: false,
      }),
    ).toEqual({
      text: 'Tỉnh uỷ $1 Tỉnh uỷ',
      count: 2,
    });
    expect(
      replaceAll('ngày 26/12', {
        find: '(\\d+)/(\\d+)',
        replace: '$2-$1',
        regex: true,
        caseSensitive: true,
      }),
    ).toEqual({ text: 'ngày 12-26', count: 1 });
    expect(() =>
      replaceAll('x', { find: '(', replace: '', regex: true, caseSensitive: true }),
    ).toThrow(/invalid regular expression/);
  });
});
