import { describe, expect, it } from 'vitest';
import { bylineForSerial, parseHotCodes } from './hot-codes';

describe('hot codes', () => {
  it('reads serial<TAB>byline with // comments, NFC, and says which line is wrong', () => {
    const r = parseHotCodes(
      '\uFEFF// Phóng viên\n012345\tTrần Văn Đức\r\n\nABC9\t' +
        'Nguyễn Thị Hoa'.normalize('NFD') +
        '\nno tab\n',
    );
    expect(r.codes).toEqual([
      { serial: '012345', byline: 'Trần Văn Đức' },
      { serial: 'ABC9', byline: 'Nguyễn Thị Hoa' },
    ]);
    expect(r.problems).toEqual([
      { line: 5, text: 'no tab', message: 'expected serial<TAB>byline' },
    ]);
  });

  it('matches serials trimmed and case-insensitively, and no serial matches nothing', () => {
    const codes = [{ serial: 'abc9', byline: 'Hoa' }];
    expect(bylineForSerial(codes, ' ABC9 ')).toBe('Hoa');
    expect(bylineForSerial(codes, 'ABC')).toBeNull();
    expect(bylineForSerial(codes, null)).toBeNull();
  });
});
