import { describe, expect, it } from 'vitest';
import { parseEmbedFields } from './fields';
import { parseIsoDate } from './iso-date';

describe('parseEmbedFields', () => {
  it('accepts every field and brings every string to NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const fields = parseEmbedFields({
      caption: nfd('Phó Bí thư'),
      byline: nfd('Tùng Lâm'),
      keywords: [nfd('hội nghị'), '', 'công đoàn'],
      dateCreated: '2024-12-26T14:30:00+07:00',
      countryCode: 'VNM',
    });
    expect(fields).toEqual({
      caption: 'Phó Bí thư',
      byline: ['Tùng Lâm'],
      keywords: ['hội nghị', 'công đoàn'],
      dateCreated: '2024-12-26T14:30:00+07:00',
      countryCode: 'VNM',
    });
    expect(fields.caption).toBe(fields.caption!.normalize('NFC'));
  });

  it('treats null like a missing key and keeps "" (which clears the field)', () => {
    expect(parseEmbedFields({ caption: null, headline: '' })).toEqual({ headline: '' });
  });

  it('names the bad field', () => {
    expect(() => parseEmbedFields({ caption: 5 })).toThrow(/caption: must be a string/);
    expect(() => parseEmbedFields({ keywords: 'a' })).toThrow(/keywords: must be an array/);
    expect(() => parseEmbedFields({ keywords: ['a', 3] })).toThrow(/keywords\[1\]/);
    expect(() => parseEmbedFields({ captoin: 'x' })).toThrow(/unknown embed field "captoin"/);
    expect(() => parseEmbedFields({ dateCreated: '26/12/2024' })).toThrow(/dateCreated/);
    expect(() => parseEmbedFields({ city: 'a\0b' })).toThrow(/city: holds a NUL/);
    expect(() => parseEmbedFields({ title: 'a\uD800' })).toThrow(/title: holds a lone/);
    expect(() => parseEmbedFields([])).toThrow(/JSON object/);
    expect(() => parseEmbedFields('x')).toThrow(/JSON object/);
  });
});

describe('parseIsoDate', () => {
  it('splits ISO 8601 into IIM date and time', () => {
    expect(parseIsoDate('2024-12-26T14:30:00+07:00')).toEqual({
      iimDate: '20241226',
      iimTime: '143000+0700',
    });
    expect(parseIsoDate('2024-12-26T14:30Z')).toEqual({
      iimDate: '20241226',
      iimTime: '143000+0000',
    });
    expect(parseIsoDate('2024-12-26T14:30:15.250-0500')).toEqual({
      iimDate: '20241226',
      iimTime: '143015-0500',
    });
    expect(parseIsoDate('2024-12-26')).toEqual({ iimDate: '20241226', iimTime: null });
    // No zone: no 2:60 rather than an invented +0000.
    expect(parseIsoDate('2024-12-26T14:30:00')).toEqual({ iimDate: '20241226', iimTime: null });
    expect(parseIsoDate('2024-12')).toEqual({ iimDate: '20241200', iimTime: null });
    expect(parseIsoDate('2024')).toEqual({ iimDate: '20240000', iimTime: null });
  });

  it('rejects what is not a date', () => {
    for (const bad of ['26/12/2024', '2024-13-01', '2024-12-26T25:00', '2024-12-26 14:30', ''])
      expect(parseIsoDate(bad)).toBeNull();
  });
});
