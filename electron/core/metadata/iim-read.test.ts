import { describe, expect, it } from 'vitest';
import { decodeIimText, findIimInPhotoshop, iimFields, parseIim } from './iim-read';

function dataset(record: number, ds: number, data: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, ds, 0, 0]);
  head.writeUInt16BE(data.length, 3);
  return Buffer.concat([head, data]);
}

describe('IIM text decoding', () => {
  const vi = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.';

  it('reads UTF-8 when 1:90 declares it', () => {
    const iim = Buffer.concat([
      dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
      dataset(2, 120, Buffer.from(vi, 'utf8')),
    ]);
    expect(iimFields(parseIim(iim)).caption).toBe(vi);
  });

  it('detects undeclared UTF-8 by its multi-byte sequences', () => {
    expect(decodeIimText(Buffer.from('Mường Khương', 'utf8'), false)).toBe('Mường Khương');
  });

  it('falls back to Latin-1/cp1252 for bytes that are not UTF-8', () => {
    expect(decodeIimText(Buffer.from([0xa9, 0x20, 0x50]), false)).toBe('© P');
  });

  it('normalizes to NFC', () => {
    const nfd = 'Lào Cai'.normalize('NFD');
    expect(decodeIimText(Buffer.from(nfd, 'utf8'), true)).toBe('Lào Cai'.normalize('NFC'));
  });

  it('collects repeatable bylines and keywords, and dates', () => {
    const iim = Buffer.concat([
      dataset(2, 80, Buffer.from('Tùng Lâm')),
      dataset(2, 80, Buffer.from('Hà An')),
      dataset(2, 25, Buffer.from('hội nghị')),
      dataset(2, 55, Buffer.from('20241226')),
      dataset(2, 60, Buffer.from('143000+0700')),
    ]);
    expect(iimFields(parseIim(iim))).toMatchObject({
      byline: ['Tùng Lâm', 'Hà An'],
      keywords: ['hội nghị'],
      dateCreated: '2024-12-26T14:30:00+07:00',
    });
  });

  it('treats a zero-length IIM resource as empty, as exiftool does', () => {
    const payload = Buffer.concat([
      Buffer.from('Photoshop 3.0\0', 'latin1'),
      Buffer.from('8BIM'),
      Buffer.from([4, 4, 0, 0, 0, 0, 0, 0]),
    ]);
    expect(findIimInPhotoshop(payload)).toBeNull();
  });
});
