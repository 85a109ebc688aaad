import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeIimText, findIimInPhotoshop, iimFields, parseIim } from '../iim-read';
import { buildIim } from './iim-write';
import { parseResources, IIM_RESOURCE, IPTC_DIGEST_RESOURCE, withIim } from './photoshop-irb';
import { cutUtf8, type Truncation } from './text-cut';

function dataset(record: number, ds: number, data: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, ds, 0, 0]);
  head.writeUInt16BE(data.length, 3);
  return Buffer.concat([head, data]);
}

const validUtf8 = (b: Buffer) => new TextDecoder('utf-8', { fatal: true }).decode(b);

describe('cutting to a byte limit', () => {
  it('counts bytes, not characters: "Mường Khương" is 12 characters and 17 bytes', () => {
    const s = 'Mường Khương';
    expect([...s]).toHaveLength(12);
    expect(Buffer.byteLength(s)).toBe(17);
    expect(cutUtf8(s, 17)).toEqual({ bytes: Buffer.from(s), cut: false });
  });

  it('never splits a UTF-8 sequence, whatever the limit', () => {
    const s = 'Mường Khương';
    for (let limit = 0; limit <= 17; limit++) {
      const { bytes } = cutUtf8(s, limit);
      expect(bytes.length).toBeLessThanOrEqual(limit);
      expect(s.startsWith(validUtf8(bytes))).toBe(true);
    }
    // "ư" is 2 bytes and "ờ" 3: a limit of 4 keeps "Mư" (3 bytes), not half of "ờ".
    expect(validUtf8(cutUtf8(s, 4).bytes)).toBe('Mư');
  });

  it('keeps a combining mark with its letter', () => {
    const nfd = 'Việt'.normalize('NFD'); // V i e U+0323 U+0302 t
    expect(validUtf8(cutUtf8(nfd, 4).bytes)).toBe('Vi');
  });
});

describe('buildIim', () => {
  it('cuts a 40-byte city to at most 32 bytes of valid UTF-8 and reports it', () => {
    const city = 'Thị trấn Mường Khương, Lào Cai'; // 30 characters, 40 bytes
    expect(Buffer.byteLength(city)).toBe(40);
    const truncated: Truncation[] = [];
    const iim = buildIim(null, { city }, truncated)!;
    const ds = parseIim(iim).find((d) => d.record === 2 && d.dataset === 90)!;
    expect(ds.data.length).toBeLessThanOrEqual(32);
    expect(city.startsWith(validUtf8(ds.data))).toBe(true);
    expect(truncated).toEqual([
      {
        field: 'city',
        dataset: '2:90',
        limitBytes: 32,
        originalBytes: 40,
        keptBytes: ds.data.length,
      },
    ]);
  });

  it('cuts a 2100-byte caption at 2000 bytes on a character boundary', () => {
    let caption = '';
    while (Buffer.byteLength(caption) < 2100) caption += 'Phó Bí thư Tỉnh ủy Hoàng Giang. ';
    const truncated: Truncation[] = [];
    const iim = buildIim(null, { caption }, truncated)!;
    const got = iimFields(parseIim(iim)).caption!;
    expect(Buffer.byteLength(got)).toBeLessThanOrEqual(2000);
    expect(Buffer.byteLength(got)).toBeGreaterThan(1995);
    expect(caption.startsWith(got)).toBe(true);
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ field: 'caption', dataset: '2:120', limitBytes: 2000 });
  });

  it('writes 1:90 first, then 2:00 = 4, then record 2 in dataset order', () => {
    const iim = buildIim(
      null,
      {
        caption: 'c',
        headline: 'h',
        title: 't',
        byline: ['b1', 'b2'],
        keywords: ['k1', 'k2'],
        city: 'ci',
        location: 'l',
        province: 'p',
        countryCode: 'VNM',
        country: 'co',
        jobId: 'j',
        instructions: 'i',
        credit: 'cr',
        source: 's',
        copyright: '©',
        dateCreated: '2024-12-26T14:30:00+07:00',
      },
      [],
    )!;
    expect([...iim.subarray(0, 8)]).toEqual([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47]);
    const ds = parseIim(iim);
    expect(ds.map((d) => `${d.record}:${d.dataset}`)).toEqual([
      '1:90',
      '2:0',
      '2:5',
      '2:25',
      '2:25',
      '2:40',
      '2:55',
      '2:60',
      '2:80',
      '2:80',
      '2:90',
      '2:92',
      '2:95',
      '2:100',
      '2:101',
      '2:103',
      '2:105',
      '2:110',
      '2:115',
      '2:116',
      '2:120',
    ]);
    expect([...ds[1]!.data]).toEqual([0, 4]);
    expect(ds.find((d) => d.dataset === 55)!.data.toString()).toBe('20241226');
    expect(ds.find((d) => d.dataset === 60)!.data.toString()).toBe('143000+0700');
    expect(ds.filter((d) => d.dataset === 80).map((d) => d.data.toString())).toEqual(['b1', 'b2']);
  });

  it('writes 2:100 as ISO 3166-1 alpha-3 whatever form the code was entered in', () => {
    const code = (countryCode: string, old: Buffer | null = null) =>
      parseIim(buildIim(old, { countryCode, city: 'x' }, [])!)
        .filter((d) => d.record === 2 && d.dataset === 100)
        .map((d) => d.data.toString('latin1'));
    expect(code('VN')).toEqual(['VNM']);
    expect(code('DE')).toEqual(['DEU']);
    expect(code('de')).toEqual(['DEU']);
    expect(code('DEU')).toEqual(['DEU']);
    // Not an assigned code: left out rather than written wrong, and the old value goes too.
    expect(code('XX', dataset(2, 100, Buffer.from('FRA')))).toEqual([]);
    expect(code('Việt Nam')).toEqual([]);
  });

  it('keeps datasets it does not set, re-encoding Latin-1 to UTF-8 behind the new 1:90', () => {
    const old = Buffer.concat([
      dataset(2, 0, Buffer.from([0, 2])),
      dataset(2, 120, Buffer.from('old caption')),
      dataset(2, 122, Buffer.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e])), // "Jürgen" in Latin-1
      dataset(2, 116, Buffer.from([0xa9, 0x20, 0x50])), // "© P"
    ]);
    const iim = buildIim(old, { caption: 'Chú thích mới' }, [])!;
    const ds = parseIim(iim);
    expect(ds.filter((d) => d.dataset === 120).map((d) => decodeIimText(d.data, true))).toEqual([
      'Chú thích mới',
    ]);
    expect(decodeIimText(ds.find((d) => d.dataset === 122)!.data, true)).toBe('Jürgen');
    expect(decodeIimText(ds.find((d) => d.dataset === 116)!.data, true)).toBe('© P');
    expect(ds.filter((d) => d.record === 2 && d.dataset === 0)).toHaveLength(1);
  });

  it('removes a field set to "" and writes nothing when there is nothing to write', () => {
    const old = Buffer.concat([
      dataset(2, 120, Buffer.from('old')),
      dataset(2, 105, Buffer.from('h')),
    ]);
    const ds = parseIim(buildIim(old, { caption: '' }, [])!);
    expect(ds.some((d) => d.dataset === 120)).toBe(false);
    expect(ds.some((d) => d.dataset === 105)).toBe(true);
    expect(buildIim(null, { caption: '' }, [])).toBeNull();
  });

  it('is stable: rebuilding from its own output gives the same bytes', () => {
    const fields = {
      caption: 'Phó Bí thư',
      keywords: ['hội nghị', 'công đoàn'],
      byline: 'Tùng Lâm',
    };
    const once = buildIim(null, fields, [])!;
    expect(buildIim(once, fields, [])!.equals(once)).toBe(true);
  });
});

describe('Photoshop resources', () => {
  it('puts IIM first, then an IPTCDigest that is the MD5 of the IIM bytes, then the rest', () => {
    const other = Buffer.from('8BIM\x03\xed\x00\x00\x00\x00\x00\x02ab', 'latin1');
    const staleDigest = Buffer.concat([
      Buffer.from('8BIM\x04\x25\x00\x00\x00\x00\x00\x10', 'latin1'),
      Buffer.alloc(16),
    ]);
    const iim = buildIim(null, { caption: 'Lào Cai' }, [])!;
    const out = withIim(parseResources(Buffer.concat([other, staleDigest])).resources, iim);
    const { resources, garbage } = parseResources(out);
    expect(garbage).toBe(0);
    expect(resources.map((r) => r.id)).toEqual([IIM_RESOURCE, IPTC_DIGEST_RESOURCE, 0x03ed]);
    expect(findIimInPhotoshop(out)!.equals(iim)).toBe(true);
    const digest = resources[1]!.raw.subarray(12, 28);
    expect(digest.toString('hex')).toBe(createHash('md5').update(iim).digest('hex'));
  });
});
