/**
 * Hostile XMP, built in the test from a real fixture: sidecars and JPEG APP1 segments
 * (standard and Extended XMP) with a DOCTYPE, entity expansion, external entities, deep
 * nesting, too many tags and 50 MB of text.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

const XMP_SIG = 'http://ns.adobe.com/xap/1.0/\0';
const EXT_SIG = 'http://ns.adobe.com/xmp/extension/\0';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** A packet with `description` as its dc:description and `prolog` before the root. */
export function packet(description: string, prolog = '', extra = ''): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
${prolog}<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="${RDF}">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"${extra}>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

const laughs = (() => {
  const decl = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) decl.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE x:xmpmeta [${decl.join('')}]>\n`;
})();

/** Nested elements inside the description, 100,000 levels deep by default. */
export function deepPacket(levels = 100_000): string {
  return packet('deep', '', '').replace(
    '</dc:description>',
    `</dc:description><dc:deep>${'<rdf:Bag><rdf:li>'.repeat(levels)}x${'</rdf:li></rdf:Bag>'.repeat(levels)}</dc:deep>`,
  );
}

/** Each hostile sidecar, keyed by the photo it sits beside, with the cause its error must name. */
export function hostileSidecars(httpUrl: string): { name: string; text: string; cause: RegExp }[] {
  return [
    { name: 'laughs', text: packet('&lol9;', laughs), cause: /DOCTYPE/ },
    {
      name: 'xxe-file',
      text: packet('&xxe;', '<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
      cause: /DOCTYPE/,
    },
    {
      name: 'xxe-http',
      text: packet('&xxe;', `<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "${httpUrl}">]>\n`),
      cause: /DOCTYPE/,
    },
    {
      name: 'xxe-param',
      text: packet('p', `<!DOCTYPE x:xmpmeta [<!ENTITY % p SYSTEM "${httpUrl}"> %p;]>\n`),
      cause: /DOCTYPE/,
    },
    { name: 'deep', text: deepPacket(), cause: /nest deeper than 64 levels/ },
    {
      name: 'wide',
      text: packet('wide').replace(
        '</dc:description>',
        `</dc:description><dc:w>${'<a/>'.repeat(300_000)}</dc:w>`,
      ),
      cause: /more than 50000 tags/,
    },
    {
      name: 'huge',
      text: packet('x'.repeat(50 * 1024 * 1024)),
      cause: /50 MB, over the 4 MB limit/,
    },
  ];
}

function app1(payload: Buffer): Buffer {
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The JPEG with these APP1 payloads put right after SOI. */
function withApp1(jpeg: Buffer, payloads: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...payloads.map(app1), jpeg.subarray(2)]);
}

/** A standard packet pointing at an extension holding `extension`, split as Part 3 says. */
function extended(extension: Buffer): Buffer[] {
  const guid = createHash('md5').update(extension).digest('hex').toUpperCase();
  const main = packet(
    'main packet',
    '',
    ` xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="${guid}"`,
  );
  const out = [Buffer.from(XMP_SIG + main, 'utf8')];
  const chunk = 65_000;
  for (let off = 0; off < extension.length; off += chunk) {
    const h = Buffer.alloc(EXT_SIG.length + 40);
    h.write(EXT_SIG, 0, 'latin1');
    h.write(guid, EXT_SIG.length, 'latin1');
    h.writeUInt32BE(extension.length, EXT_SIG.length + 32);
    h.writeUInt32BE(off, EXT_SIG.length + 36);
    out.push(Buffer.concat([h, extension.subarray(off, off + chunk)]));
  }
  return out;
}

/** JPEGs whose embedded XMP is hostile, with the cause each error must name. */
export function hostileJpegs(
  base: Buffer,
  httpUrl: string,
): { name: string; jpeg: Buffer; cause: RegExp }[] {
  const std = (text: string) => [Buffer.from(XMP_SIG + text, 'utf8')];
  return [
    {
      name: 'embedded-xxe-file',
      jpeg: withApp1(
        base,
        std(packet('&xxe;', '<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')),
      ),
      cause: /DOCTYPE/,
    },
    {
      name: 'embedded-laughs',
      jpeg: withApp1(base, std(packet('&lol9;', laughs))),
      cause: /DOCTYPE/,
    },
    {
      name: 'embedded-ext-xxe-http',
      jpeg: withApp1(
        base,
        extended(
          Buffer.from(
            packet('&xxe;', `<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "${httpUrl}">]>\n`),
          ),
        ),
      ),
      cause: /DOCTYPE/,
    },
    {
      name: 'embedded-ext-deep',
      jpeg: withApp1(base, extended(Buffer.from(deepPacket()))),
      cause: /nest deeper/,
    },
    {
      name: 'embedded-ext-huge',
      jpeg: withApp1(base, extended(Buffer.from(packet('y'.repeat(50 * 1024 * 1024))))),
      cause: /it is 50 MB, over the 4 MB limit/,
    },
  ];
}

/** The photo hostile copies are made of: no XMP of its own, an IIM caption that must still read. */
export const BASE_PHOTO = 'getty-eos1d-iptc-caption.jpg';
/** A TIFF whose XMP (tag 700) exifr hands us: the path other formats take. */
export const BASE_TIFF = 'canon-5dmk3-photoshop-iptc-xmp.tif';

/** The TIFF with its XMP packet overwritten in place, same length, by a hostile one. */
function hostileTiff(tiff: Buffer): Buffer {
  const start = tiff.indexOf('<?xpacket begin');
  const endTag = '<?xpacket end="w"?>';
  const end = tiff.indexOf(endTag) + endTag.length;
  const hostile = packet(
    '&xxe;',
    '<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
  );
  const bytes = Buffer.from(hostile);
  const room = end - start - bytes.length;
  if (start < 0 || room < 0) throw new Error(`${BASE_TIFF}: no room for the hostile packet`);
  const cut = hostile.lastIndexOf('<?xpacket end');
  const padded = Buffer.from(hostile.slice(0, cut) + ' '.repeat(room) + hostile.slice(cut));
  return Buffer.concat([tiff.subarray(0, start), padded, tiff.subarray(end)]);
}

/**
 * Write every hostile case into `dir`: `<name>.jpg` (a copy of the base photo) beside
 * `<name>.xmp` for sidecars, `<name>.jpg` with the XMP inside for embedded cases.
 */
export async function writeHostileFolder(dir: string, httpUrl: string) {
  const base = await readFile(join(FIXTURES, BASE_PHOTO));
  const cases: { photo: string; file: string; cause: RegExp; base: string }[] = [];
  for (const s of hostileSidecars(httpUrl)) {
    await writeFile(join(dir, `${s.name}.jpg`), base);
    await writeFile(join(dir, `${s.name}.xmp`), s.text);
    cases.push({ photo: `${s.name}.jpg`, file: `${s.name}.xmp`, cause: s.cause, base: BASE_PHOTO });
  }
  for (const j of hostileJpegs(base, httpUrl)) {
    await writeFile(join(dir, `${j.name}.jpg`), j.jpeg);
    cases.push({ photo: `${j.name}.jpg`, file: `${j.name}.jpg`, cause: j.cause, base: BASE_PHOTO });
  }
  const tiff = 'embedded-tiff-xxe.tif';
  await writeFile(join(dir, tiff), hostileTiff(await readFile(join(FIXTURES, BASE_TIFF))));
  cases.push({ photo: tiff, file: tiff, cause: /DOCTYPE/, base: BASE_TIFF });
  return cases;
}
