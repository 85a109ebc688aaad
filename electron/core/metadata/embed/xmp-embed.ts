import { createHash } from 'node:crypto';
import { XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { NS } from '../xmp-namespaces';
import { updateXmpPacket, type XmpChange } from '../xmp-write';
import { parseXmpXml, XMP_LIMITS, XmpRefusedError, xmpRefusal, tooBig } from '../xmp-guard';
import type { EmbedFields } from './fields';
import { XMP_EXTENSION_SIGNATURE, XMP_SIGNATURE } from './segments';
import { fieldChanges } from '../field-changes';
import { FIELDS } from '../../../../common/fields/catalog';

const XMP_NOTE = 'http://ns.adobe.com/xmp/note/';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** The standard packet's limit, from XMP Specification Part 3 (65,535 less the header). */
export const MAX_STANDARD_PACKET = 65502;
/** An extension segment's payload: the segment limit less signature, GUID, length and offset. */
const MAX_EXTENSION_CHUNK = 65533 - XMP_EXTENSION_SIGNATURE.length - 32 - 4 - 4;

const NS_ORDER = ['dc', 'photoshop', 'Iptc4xmpCore', 'Iptc4xmpExt'];
const isList = (shape: string) => shape === 'seq' || shape === 'bag';
/**
 * Dublin Core lists first, then namespace by namespace (a date after the texts), so a fresh
 * packet reads in the order the IPTC panel shows; within that, the catalog's order.
 */
const EMBED_ORDER = [...FIELDS].sort(
  (a, b) =>
    Number(!isList(a.xmp.shape)) - Number(!isList(b.xmp.shape)) ||
    NS_ORDER.indexOf(a.xmp.ns) - NS_ORDER.indexOf(b.xmp.ns) ||
    Number(a.kind === 'date') - Number(b.kind === 'date'),
);

export interface XmpSegments {
  /** APP1 payloads, signature included: the standard packet, then any extension segments. */
  payloads: Buffer[];
  extended: boolean;
}

/**
 * Merge the fields into the file's XMP, keeping every property other tools wrote. A
 * packet too big for one segment becomes Extended XMP (Part 3, 1.1.3.1): the largest
 * properties move to an extension that readers reassemble by its MD5 GUID.
 */
export function buildXmp(
  standard: Buffer | null,
  extensions: Buffer[],
  fields: EmbedFields,
  opts: { keepGps: boolean; orientation?: number },
  removed: string[],
): XmpSegments {
  let packet = standard
    ? standard.toString('utf8', XMP_SIGNATURE.length).replace(/\0+$/, '')
    : null;
  const refusal =
    packet === null ? null : xmpRefusal(packet.slice(Math.max(0, packet.indexOf('<'))));
  if (refusal) {
    // A hostile packet is not carried into the copy: the copy gets our fields alone.
    removed.push(`the file's XMP, refused: ${refusal}`);
    packet = null;
    extensions = [];
  }
  const changes = fieldChanges(fields, { trim: false, order: EMBED_ORDER });
  if (packet === null && changes.length === 0) return { payloads: [], extended: false };
  if (packet !== null && needsPrepass(packet, opts)) {
    const doc = parse(packet, 'the XMP packet');
    inlineExtension(doc, extensions, removed);
    changes.push(...propertyChanges(doc, opts));
    packet = serialize(doc);
  }
  let merged: string;
  try {
    merged = updateXmpPacket(packet, changes);
  } catch (err) {
    throw new Error(`cannot merge into the file's XMP: ${(err as Error).message}`);
  }
  const bytes = Buffer.from(merged, 'utf8');
  if (bytes.length <= MAX_STANDARD_PACKET)
    return {
      payloads: [Buffer.concat([Buffer.from(XMP_SIGNATURE, 'latin1'), bytes])],
      extended: false,
    };
  return splitExtended(merged);
}

function needsPrepass(packet: string, opts: { keepGps: boolean; orientation?: number }): boolean {
  return (
    packet.includes('HasExtendedXMP') ||
    (!opts.keepGps && packet.includes('GPS')) ||
    (opts.orientation !== undefined && packet.includes('Orientation'))
  );
}

/**
 * GPS goes from XMP too when EXIF GPS is dropped, or the location survives there; an
 * existing tiff:Orientation follows the new EXIF Orientation so the two cannot disagree.
 */
function propertyChanges(
  doc: Document,
  opts: { keepGps: boolean; orientation?: number },
): XmpChange[] {
  const out: XmpChange[] = [];
  const seen = new Set<string>();
  for (const desc of descriptions(doc)) {
    const names: { ns: string | null; name: string }[] = [];
    for (let i = 0; i < desc.attributes.length; i++) {
      const a = desc.attributes.item(i)!;
      names.push({ ns: a.namespaceURI, name: a.localName ?? '' });
    }
    for (const el of childElements(desc))
      names.push({ ns: el.namespaceURI, name: el.localName ?? '' });
    for (const { ns, name } of names) {
      if (seen.has(`${ns} ${name}`)) continue;
      seen.add(`${ns} ${name}`);
      if (!opts.keepGps && ns === NS.exif && name.startsWith('GPS'))
        out.push({ prefix: 'exif', name, kind: 'text', value: null });
      if (opts.orientation !== undefined && ns === NS.tiff && name === 'Orientation')
        out.push({ prefix: 'tiff', name, kind: 'text', value: String(opts.orientation) });
    }
  }
  return out;
}

/**
 * Bring the properties of an existing extension back into the main packet, so they are
 * merged like the rest and the extension is rebuilt from scratch (or dropped).
 */
function inlineExtension(doc: Document, extensions: Buffer[], removed: string[]): void {
  const main = descriptions(doc);
  let guid: string | null = null;
  for (const d of main) {
    for (const el of childElements(d))
      if (el.namespaceURI === XMP_NOTE && el.localName === 'HasExtendedXMP') {
        guid = (el.textContent ?? '').trim();
        removeWithIndent(el);
      }
    if (d.hasAttributeNS(XMP_NOTE, 'HasExtendedXMP')) {
      guid = d.getAttributeNS(XMP_NOTE, 'HasExtendedXMP');
      d.removeAttributeNS(XMP_NOTE, 'HasExtendedXMP');
    }
  }
  if (!guid) return;
  let extension: Document;
  try {
    const text = reassemble(guid, extensions);
    if (text === null) {
      removed.push(`Extended XMP ${guid}: its extension segments are missing or incomplete`);
      return;
    }
    extension = parse(text, 'the Extended XMP');
  } catch (err) {
    if (!(err instanceof XmpRefusedError)) throw err;
    removed.push(`Extended XMP ${guid}, refused: ${err.reason}`);
    return;
  }
  const target = main[0]!;
  for (const d of descriptions(extension)) {
    for (let i = 0; i < d.attributes.length; i++) {
      const a = d.attributes.item(i)!;
      if (a.namespaceURI && a.namespaceURI !== NS.rdf && a.namespaceURI !== XMLNS)
        target.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    for (const el of childElements(d)) {
      target.appendChild(doc.createTextNode('\n   '));
      target.appendChild(doc.importNode(el, true));
    }
  }
}

function reassemble(guid: string, extensions: Buffer[]): string | null {
  const sig = XMP_EXTENSION_SIGNATURE.length;
  let whole: Buffer | null = null;
  let got = 0;
  for (const p of extensions) {
    if (p.length < sig + 40 || p.toString('latin1', sig, sig + 32) !== guid) continue;
    const full = p.readUInt32BE(sig + 32);
    const offset = p.readUInt32BE(sig + 36);
    const chunk = p.subarray(sig + 40);
    // The stated length is the file's word: never allocate more than an XMP may be.
    if (full > XMP_LIMITS.bytes) throw new XmpRefusedError(tooBig(full));
    whole ??= Buffer.alloc(full);
    if (offset + chunk.length > whole.length) return null;
    chunk.copy(whole, offset);
    got += chunk.length;
  }
  return whole && got === whole.length ? whole.toString('utf8') : null;
}

function splitExtended(packet: string): XmpSegments {
  const doc = parse(packet, 'the merged XMP');
  const ext = parse(
    `<x:xmpmeta xmlns:x="${NS.x}"><rdf:RDF xmlns:rdf="${NS.rdf}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`,
    'the extension skeleton',
  );
  const extDesc = descriptions(ext)[0]!;
  const candidates = descriptions(doc)
    .flatMap(childElements)
    .map((el, order) => ({
      el,
      order,
      size: Buffer.byteLength(new XMLSerializer().serializeToString(el)),
    }))
    .sort((a, b) => b.size - a.size);
  const first = descriptions(doc)[0]!;
  first.setAttributeNS(XMLNS, 'xmlns:xmpNote', XMP_NOTE);
  // Room for the GUID attribute, added once the extension is final.
  const guidRoom = ' xmpNote:HasExtendedXMP="00000000000000000000000000000000"'.length;
  let size = Buffer.byteLength(serialize(doc));
  const moved: typeof candidates = [];
  for (const c of candidates) {
    if (size + guidRoom <= MAX_STANDARD_PACKET) break;
    moved.push(c);
    removeWithIndent(c.el);
    size = Buffer.byteLength(serialize(doc));
  }
  if (size + guidRoom > MAX_STANDARD_PACKET)
    throw new Error(`the XMP cannot be split to fit a ${MAX_STANDARD_PACKET}-byte segment`);
  // Largest first decided what moves; document order decides how it reads.
  for (const { el } of moved.sort((a, b) => a.order - b.order))
    extDesc.appendChild(ext.importNode(el, true));
  const extBytes = Buffer.from(new XMLSerializer().serializeToString(ext), 'utf8');
  const guid = createHash('md5').update(extBytes).digest('hex').toUpperCase();
  first.setAttributeNS(XMP_NOTE, 'xmpNote:HasExtendedXMP', guid);
  const payloads = [
    Buffer.concat([Buffer.from(XMP_SIGNATURE, 'latin1'), Buffer.from(serialize(doc), 'utf8')]),
  ];
  for (let offset = 0; offset < extBytes.length; offset += MAX_EXTENSION_CHUNK) {
    const head = Buffer.alloc(XMP_EXTENSION_SIGNATURE.length + 40);
    head.write(XMP_EXTENSION_SIGNATURE, 0, 'latin1');
    head.write(guid, XMP_EXTENSION_SIGNATURE.length, 'latin1');
    head.writeUInt32BE(extBytes.length, XMP_EXTENSION_SIGNATURE.length + 32);
    head.writeUInt32BE(offset, XMP_EXTENSION_SIGNATURE.length + 36);
    payloads.push(Buffer.concat([head, extBytes.subarray(offset, offset + MAX_EXTENSION_CHUNK)]));
  }
  return { payloads, extended: true };
}

function parse(text: string, what: string): Document {
  const errors: string[] = [];
  const doc = parseXmpXml(text, errors);
  if (errors.length)
    throw new Error(`cannot merge into ${what}: it is not well-formed XML (${errors[0]})`);
  return doc;
}

function serialize(doc: Document): string {
  const out = new XMLSerializer().serializeToString(doc);
  return out.endsWith('\n') ? out : out + '\n';
}

function descriptions(doc: Document): Element[] {
  const list = doc.getElementsByTagNameNS(NS.rdf, 'Description');
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const d = list.item(i)!;
    // Only top-level descriptions: nested ones are values of structured properties.
    const parent = d.parentNode as Element | null;
    if (parent && parent.namespaceURI === NS.rdf && parent.localName === 'RDF') out.push(d);
  }
  return out;
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c: Node | null = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function removeWithIndent(el: Element): void {
  const parent = el.parentNode!;
  const prev = el.previousSibling;
  if (prev && prev.nodeType === 3 && !(prev.nodeValue ?? '').trim()) parent.removeChild(prev);
  parent.removeChild(el);
}
