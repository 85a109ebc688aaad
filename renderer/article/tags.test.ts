import { describe, expect, it } from 'vitest';
import { parseTags, showTags } from './tags';

describe('article tags typed in one box', () => {
  it('parts them at commas and semicolons, trims, and keeps Vietnamese as NFC', () => {
    const nfd = 'Công đoàn'.normalize('NFD');
    expect(parseTags(`${nfd},  Lào   Cai ; Hội nghị,`)).toEqual([
      'Công đoàn',
      'Lào Cai',
      'Hội nghị',
    ]);
    expect(parseTags(nfd)[0]).toBe('Công đoàn'.normalize('NFC'));
  });

  it('keeps the same tag once whatever its case, and drops empty ones', () => {
    expect(parseTags('Lào Cai, lào cai, LÀO CAI, , ;')).toEqual(['Lào Cai']);
    expect(parseTags('')).toEqual([]);
  });

  it('shows them back as typed', () => {
    expect(showTags(parseTags('Công đoàn,Lào Cai'))).toBe('Công đoàn, Lào Cai');
  });
});
