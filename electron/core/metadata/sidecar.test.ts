import { afterEach, describe, expect, it } from 'vitest';
import { exifrSidecar } from './exifr';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSidecar, writeSidecar } from './sidecar';
import { exiftool, hasExiftool } from '../../../test/helpers/exiftool';

const caption = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.';
let dir: string;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const setCaption = (text: string) => [
  { prefix: 'dc' as const, name: 'description', kind: 'alt' as const, value: text },
];

describe('XMP sidecars', () => {
  it('writes name.xmp Adobe-style and reads it back, NFC', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cd-sidecar-'));
    const path = await writeSidecar(dir, 'DSC-2419.JPG', setCaption(caption.normalize('NFD')));
    expect(path).toBe(join(dir, 'DSC-2419.xmp'));
    expect((await readSidecar(dir, 'DSC-2419.JPG'))!.fields.caption).toBe(caption);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is read by exifr.sidecar', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cd-sidecar-'));
    const path = await writeSidecar(dir, 'DSC-2419.JPG', setCaption(caption));
    const read = (await exifrSidecar(path)) as Record<string, unknown>;
    expect(JSON.stringify(read)).toContain(caption);
  });

  it.skipIf(!hasExiftool)('is read by exiftool', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cd-sidecar-'));
    const path = await writeSidecar(dir, 'DSC-2419.JPG', setCaption(caption));
    const [r] = await exiftool([path]);
    expect(r!['XMP-dc:Description']).toBe(caption);
  });

  it('keeps the properties other tools wrote and reads name.ext.xmp first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cd-sidecar-'));
    const foreign = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:lr="http://ns.adobe.com/lightroom/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmp:Rating="4" xmp:Label="Red">
<lr:hierarchicalSubject><rdf:Bag><rdf:li>Sự kiện|Hội nghị</rdf:li></rdf:Bag></lr:hierarchicalSubject>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">cũ</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    await writeFile(join(dir, 'DSC-2419.JPG.xmp'), foreign);
    const path = await writeSidecar(dir, 'DSC-2419.JPG', setCaption(caption));
    expect(path).toBe(join(dir, 'DSC-2419.JPG.xmp'));
    const text = await readFile(path, 'utf8');
    expect(text).toContain('Sự kiện|Hội nghị');
    expect(text).not.toContain('>cũ<');
    const back = (await readSidecar(dir, 'DSC-2419.JPG'))!.fields;
    expect(back).toMatchObject({ caption, rating: 4, label: 'Red' });
    // Saving again does not pile up copies or blank lines.
    await writeSidecar(dir, 'DSC-2419.JPG', setCaption(caption));
    const again = await readFile(path, 'utf8');
    expect(again.split('dc:description').length).toBe(3);
    expect(again.length).toBe(text.length);
  });

  it('refuses to overwrite a sidecar it cannot parse, rather than lose it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cd-sidecar-'));
    await writeFile(join(dir, 'A.xmp'), '<x:xmpmeta><rdf:RDF><unclosed>');
    await expect(writeSidecar(dir, 'A.JPG', setCaption('x'))).rejects.toThrow(/not well-formed/);
    expect(await readFile(join(dir, 'A.xmp'), 'utf8')).toBe('<x:xmpmeta><rdf:RDF><unclosed>');
  });
});
