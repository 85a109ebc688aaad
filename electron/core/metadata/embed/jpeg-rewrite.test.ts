import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIimInPhotoshop, iimFields, parseIim } from '../iim-read';
import { embedMetadata } from './jpeg-rewrite';
import { resource } from './photoshop-irb';
import { payloadOf, segmentBytes, splitJpeg, type Segment } from './segments';
import { Tiff } from './tiff';

const XMP_SIG = 'http://ns.adobe.com/xap/1.0/\0';
const xmp = (caption: string) =>
  Buffer.from(
    `${XMP_SIG}<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${caption}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`,
  );
const app = (n: number, payload: Buffer | string) =>
  segmentBytes(0xe0 + n, Buffer.from(payload as string));
const exifWith = (description: string) => {
  const text = Buffer.from(`${description}\0`);
  const tiff = Buffer.alloc(8 + 18 + text.length);
  tiff.write('MM\0\x2a\0\0\0\x08', 0, 'latin1');
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x010e, 10);
  tiff.writeUInt16BE(2, 12);
  tiff.writeUInt32BE(text.length, 14);
  tiff.writeUInt32BE(26, 18);
  text.copy(tiff, 26);
  return app(1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
};
const oldIim = Buffer.from([0x1c, 2, 120, 0, 3, ...Buffer.from('old')]);
const photoshop = (...resources: Buffer[]) =>
  app(13, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), ...resources]));

function names(jpeg: Buffer): string[] {
  return splitJpeg(jpeg).head.map(
    (s) => `${s.marker.toString(16)}:${payloadOf(jpeg, s).toString('latin1', 0, 4)}`,
  );
}

let image: Buffer; // SOI, then DQT … SOS … EOI from libjpeg
let body: Buffer;

beforeAll(async () => {
  image = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 100, b: 50 } },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  body = image.subarray(splitJpeg(image).bodyStart);
});

describe('embedMetadata on a messy header', () => {
  let input: Buffer;
  beforeAll(() => {
    input = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      app(1, xmp('old xmp caption')),
      photoshop(resource(0x0404, oldIim), resource(0x03ed, Buffer.from('resolution'))),
      app(0, Buffer.from('JFIF\0\x01\x01\x01\x00\x48\x00\x48\x00\x00', 'latin1')),
      exifWith('old ascii caption'),
      app(1, xmp('second xmp')),
      app(2, Buffer.from('ICC_PROFILE\0\x01\x02aaaa', 'latin1')),
      app(2, Buffer.from('ICC_PROFILE\0\x02\x02bbbb', 'latin1')),
      Buffer.from('garbage!'),
      app(14, 'Adobe\0\x64\x00\x00\x00\x00\x01'),
      segmentBytes(0xfe, Buffer.from('a comment')),
      body,
    ]);
  });

  it('orders the segments, keeps one of each, and leaves the image data byte-identical', () => {
    const { jpeg, report } = embedMetadata(input, { caption: 'Chú thích mới', byline: 'Tùng Lâm' });
    expect(names(jpeg)).toEqual([
      'e0:JFIF',
      'e1:Exif',
      'e1:http',
      'e2:ICC_',
      'e2:ICC_',
      'ed:Phot',
      'ee:Adob',
      'fe:a co',
    ]);
    expect(jpeg.subarray(splitJpeg(jpeg).bodyStart).equals(body)).toBe(true);
    expect(report.removed).toEqual([
      '8 stray bytes between the header segments',
      'a second standard XMP APP1 segment',
    ]);
    for (const stale of ['old ascii caption', 'old xmp caption', 'second xmp', 'garbage!'])
      expect(jpeg.includes(Buffer.from(stale))).toBe(false);
  });

  it('puts IIM first in the APP13 and keeps the other resources', () => {
    const { jpeg } = embedMetadata(input, { caption: 'Chú thích mới' });
    const app13 = splitJpeg(jpeg).head.find((s) => s.marker === 0xed)!;
    const payload = payloadOf(jpeg, app13);
    expect(payload.toString('latin1', 14, 20)).toBe('8BIM\x04\x04');
    expect(payload.includes(Buffer.from('resolution'))).toBe(true);
    expect(iimFields(parseIim(findIimInPhotoshop(payload)!)).caption).toBe('Chú thích mới');
  });

  it('gives the same bytes when run twice', () => {
    const fields = { caption: 'Chú thích mới', keywords: ['hội nghị'], dateCreated: '2024-12-26' };
    const once = embedMetadata(input, fields, { orientation: 1 }).jpeg;
    expect(embedMetadata(once, fields, { orientation: 1 }).jpeg.equals(once)).toBe(true);
  });
});

describe('embedMetadata edge cases', () => {
  it('adds EXIF, XMP and IIM to a bare JPEG', () => {
    const { jpeg } = embedMetadata(image, { caption: 'Lào Cai' });
    expect(names(jpeg)).toEqual(['e1:Exif', 'e1:http', 'ed:Phot']);
    expect(jpeg.subarray(splitJpeg(jpeg).bodyStart).equals(body)).toBe(true);
  });

  it('adds nothing when no field is set and the file has no metadata', () => {
    expect(embedMetadata(image, {}).jpeg.equals(image)).toBe(true);
  });

  it('cuts metadata segments that hide after the first table out of the body', () => {
    const sosAt = splitJpeg(image).sosOffset;
    const input = Buffer.concat([
      image.subarray(0, sosAt),
      exifWith('hidden stale'),
      image.subarray(sosAt),
    ]);
    const { jpeg } = embedMetadata(input, { caption: 'new' });
    expect(jpeg.includes(Buffer.from('hidden stale'))).toBe(false);
    expect(names(jpeg)).toEqual(['e1:Exif', 'e1:http', 'ed:Phot']);
    expect(jpeg.subarray(splitJpeg(jpeg).sosOffset).equals(image.subarray(sosAt))).toBe(true);
  });

  it('keeps MPF offsets pointing at the images after EOI', async () => {
    const second = await sharp({
      create: { width: 16, height: 12, channels: 3, background: '#00f' },
    })
      .jpeg()
      .toBuffer();
    const mpf = (offsetOfSecond: number) => {
      const p = Buffer.alloc(4 + 8 + 2 + 12 + 4 + 32);
      p.write('MPF\0', 0, 'latin1');
      p.write('MM\0\x2a\0\0\0\x08', 4, 'latin1');
      p.writeUInt16BE(1, 12);
      p.writeUInt16BE(0xb002, 14);
      p.writeUInt16BE(7, 16);
      p.writeUInt32BE(32, 18);
      p.writeUInt32BE(8 + 2 + 12 + 4, 22); // MP entries, right after the IFD
      p.writeUInt32BE(second.length, 4 + 26 + 16 + 4);
      p.writeUInt32BE(offsetOfSecond, 4 + 26 + 16 + 8);
      return app(2, p);
    };
    // The old XMP sits between MPF and the image; the new one moves before MPF and grows.
    const head = Buffer.concat([Buffer.from([0xff, 0xd8]), exifWith('x')]);
    const afterMpf = app(1, xmp('old'));
    const mpfHeaderAt = head.length + 8;
    const firstLength = head.length + mpf(0).length + afterMpf.length + body.length;
    const input = Buffer.concat([head, mpf(firstLength - mpfHeaderAt), afterMpf, body, second]);
    const { jpeg } = embedMetadata(input, {
      caption: 'Một chú thích dài hơn nhiều để dời ảnh thứ hai',
    });
    const seg = splitJpeg(jpeg).head.find((s: Segment) => s.marker === 0xe2)!;
    const header = jpeg.subarray(seg.payloadStart + 4);
    const t = new Tiff(header);
    const entries = t.readIfd(t.ifd0).entries[0]!;
    const offset = t.u32(entries.valueAt + 16 + 8);
    expect(
      jpeg
        .subarray(seg.payloadStart + 4 + offset, seg.payloadStart + 4 + offset + second.length)
        .equals(second),
    ).toBe(true);
  });

  it('rejects what is not a JPEG and a bad orientation', () => {
    expect(() => embedMetadata(Buffer.from('not a jpeg'), {})).toThrow(/not a JPEG/);
    expect(() => embedMetadata(image, {}, { orientation: 9 })).toThrow(/orientation/);
    expect(() => embedMetadata(image.subarray(0, 100), {})).toThrow(/ends/);
  });
});
