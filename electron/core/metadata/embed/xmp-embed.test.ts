import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NS } from '../xmp-namespaces';
import { readXmpProperties } from '../xmp-read';
import { XMP_EXTENSION_SIGNATURE, XMP_SIGNATURE } from './segments';
import { buildXmp, MAX_STANDARD_PACKET } from './xmp-embed';

const sig = Buffer.from(XMP_SIGNATURE, 'latin1');

function payload(packet: string): Buffer {
  return Buffer.concat([sig, Buffer.from(packet, 'utf8')]);
}

function packetOf(p: Buffer): string {
  return p.toString('utf8', sig.length);
}

const CAMERA = `<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" xmp:Rating="3" tiff:Orientation="6"><exif:GPSLatitude>21,30.5N</exif:GPSLatitude><exif:GPSLongitude>103,58.1E</exif:GPSLongitude><exif:ExposureTime>1/125</exif:ExposureTime></rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end='w'?>`;

/** The extension, reassembled from its segments as a reader does. */
function extension(payloads: Buffer[]): { guid: string; text: string } {
  const n = XMP_EXTENSION_SIGNATURE.length;
  const parts = payloads.slice(1);
  const guid = parts[0]!.toString('latin1', n, n + 32);
  const whole = Buffer.alloc(parts[0]!.readUInt32BE(n + 32));
  for (const p of parts) {
    expect(p.toString('latin1', 0, n)).toBe(XMP_EXTENSION_SIGNATURE);
    expect(p.toString('latin1', n, n + 32)).toBe(guid);
    p.subarray(n + 40).copy(whole, p.readUInt32BE(n + 36));
  }
  expect(createHash('md5').update(whole).digest('hex').toUpperCase()).toBe(guid);
  return { guid, text: whole.toString('utf8') };
}

describe('buildXmp', () => {
  it('merges into the packet and keeps the properties other tools wrote', () => {
    const { payloads, extended } = buildXmp(
      payload(CAMERA),
      [],
      { caption: 'Phó Bí thư', keywords: ['a', 'b'] },
      { keepGps: true },
      [],
    );
    expect(extended).toBe(false);
    const props = readXmpProperties(packetOf(payloads[0]!));
    expect(props.get(`${NS.dc} description`)).toBe('Phó Bí thư');
    expect(props.get(`${NS.dc} subject`)).toEqual(['a', 'b']);
    expect(props.get(`${NS.xmp} Rating`)).toBe('3');
    expect(props.get(`${NS.exif} GPSLatitude`)).toBe('21,30.5N');
  });

  it('removes exif:GPS* when keepGps is false and follows a new orientation', () => {
    const { payloads } = buildXmp(
      payload(CAMERA),
      [],
      { caption: 'x' },
      { keepGps: false, orientation: 1 },
      [],
    );
    const props = readXmpProperties(packetOf(payloads[0]!));
    expect([...props.keys()].filter((k) => k.includes('GPS'))).toEqual([]);
    expect(props.get(`${NS.exif} ExposureTime`)).toBe('1/125');
    expect(props.get(`${NS.tiff} Orientation`)).toBe('1');
  });

  it('writes nothing for a file without XMP when no field is set', () => {
    expect(buildXmp(null, [], {}, { keepGps: true }, []).payloads).toEqual([]);
  });

  it('fails loudly on XMP it cannot parse rather than replacing it', () => {
    expect(() =>
      buildXmp(payload('<x:xmpmeta><rdf:RDF'), [], { caption: 'x' }, { keepGps: true }, []),
    ).toThrow(/XMP/);
  });

  it('moves a 70,000-byte caption to Extended XMP, and takes it back on the next run', () => {
    let caption = '';
    while (Buffer.byteLength(caption) < 70_000)
      caption += 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu. ';
    const fields = { caption, headline: 'Hội nghị' };
    const { payloads, extended } = buildXmp(payload(CAMERA), [], fields, { keepGps: true }, []);
    expect(extended).toBe(true);
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    for (const p of payloads) expect(p.length).toBeLessThanOrEqual(65533);
    const main = packetOf(payloads[0]!);
    expect(Buffer.byteLength(main)).toBeLessThanOrEqual(MAX_STANDARD_PACKET);
    const ext = extension(payloads);
    const mainProps = readXmpProperties(main);
    expect(mainProps.get('http://ns.adobe.com/xmp/note/ HasExtendedXMP')).toBe(ext.guid);
    expect(mainProps.get(`${NS.photoshop} Headline`)).toBe('Hội nghị');
    expect(mainProps.has(`${NS.dc} description`)).toBe(false);
    expect(readXmpProperties(ext.text).get(`${NS.dc} description`)).toBe(caption);

    const again = buildXmp(payloads[0]!, payloads.slice(1), fields, { keepGps: true }, []);
    expect(Buffer.concat(again.payloads).equals(Buffer.concat(payloads))).toBe(true);
    const shorter = buildXmp(
      payloads[0]!,
      payloads.slice(1),
      { caption: 'ngắn' },
      { keepGps: true },
      [],
    );
    expect(shorter.extended).toBe(false);
    const props = readXmpProperties(packetOf(shorter.payloads[0]!));
    expect(props.get(`${NS.dc} description`)).toBe('ngắn');
    expect(props.has('http://ns.adobe.com/xmp/note/ HasExtendedXMP')).toBe(false);
  });
});
