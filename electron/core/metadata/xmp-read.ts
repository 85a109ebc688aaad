import type { Element } from '@xmldom/xmldom';
import { parseXmpXml, XmpRefusedError } from './xmp-guard';
import { NS } from './xmp-namespaces';
import { EXTRA_SLOTS, XMP_SLOTS } from './field-map';
import type { FieldValues } from '../../../common/fields/catalog';
import { definedOnly } from '../util/collections';

/**
 * XMP properties read with a real XML parser rather than exifr's, which leaves
 * entities undecoded and turns "0012" into 12. Values stay strings; arrays stay arrays.
 */
export type XmpFields = FieldValues & {
  dateTimeOriginal?: string;
  rating?: number;
  label?: string;
  colorClass?: number;
  pick?: boolean;
  /** The caption as the reporter typed it, {variables} and all. */
  captionTemplate?: string;
  /** The dc:description we rendered from it: a different one means another tool edited it. */
  captionRendered?: string;
  eventLinked?: boolean;
};

type Value = string | string[];

/**
 * All top-level properties of every rdf:Description, keyed `namespaceURI localName`.
 * Malformed XML reads as no properties; a hostile packet throws XmpRefusedError.
 */
export function readXmpProperties(packet: string): Map<string, Value> {
  const props = new Map<string, Value>();
  if (packet.indexOf('<') < 0) return props;
  let doc;
  try {
    doc = parseXmpXml(packet);
  } catch (err) {
    if (err instanceof XmpRefusedError) throw err;
    return props;
  }
  const descriptions = doc.getElementsByTagNameNS(NS.rdf, 'Description');
  for (let i = 0; i < descriptions.length; i++) {
    const d = descriptions.item(i)!;
    for (let a = 0; a < d.attributes.length; a++) {
      const attr = d.attributes.item(a)!;
      if (
        !attr.namespaceURI ||
        attr.namespaceURI === NS.rdf ||
        attr.namespaceURI === 'http://www.w3.org/2000/xmlns/'
      )
        continue;
      props.set(`${attr.namespaceURI} ${attr.localName}`, attr.value.normalize('NFC'));
    }
    for (let c = d.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (!el.namespaceURI) continue;
      props.set(`${el.namespaceURI} ${el.localName}`, elementValue(el));
    }
  }
  return props;
}

function elementValue(el: Element): Value {
  const container = firstElementChild(el);
  if (
    container &&
    container.namespaceURI === NS.rdf &&
    ['Alt', 'Seq', 'Bag'].includes(container.localName ?? '')
  ) {
    const items: { text: string; lang: string | null }[] = [];
    for (let li = container.firstChild; li; li = li.nextSibling) {
      if (li.nodeType !== 1) continue;
      const e = li as Element;
      items.push({
        text: (e.textContent ?? '').normalize('NFC'),
        lang: e.getAttributeNS(NS.xml, 'lang') || e.getAttribute('xml:lang'),
      });
    }
    if (container.localName === 'Alt') {
      const chosen = items.find((i) => i.lang === 'x-default') ?? items[0];
      return chosen?.text ?? '';
    }
    return items.map((i) => i.text);
  }
  return (el.textContent ?? '').normalize('NFC');
}

function firstElementChild(el: Element): Element | null {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) return c as Element;
  return null;
}

function str(v: Value | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : v;
}

function list(v: Value | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : v === '' ? [] : [v];
}

function number(v: Value | undefined): number | undefined {
  const s = str(v);
  return s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined;
}

/**
 * The fields of one or more packets (a standard packet and its Extended XMP): a property
 * the first states wins. Throws XmpRefusedError when any packet is refused.
 */
export function xmpFields(...packets: string[]): XmpFields {
  const p = new Map<string, Value>();
  for (const packet of packets)
    for (const [k, v] of readXmpProperties(packet)) if (!p.has(k)) p.set(k, v);
  const get = (slot: { prefix: keyof typeof NS; name: string }) =>
    p.get(`${NS[slot.prefix]} ${slot.name}`);
  const f: XmpFields = {};
  for (const [field, slot] of Object.entries(XMP_SLOTS)) {
    const v = get(slot);
    if (slot.kind === 'seq' || slot.kind === 'bag') (f as Record<string, unknown>)[field] = list(v);
    else (f as Record<string, unknown>)[field] = str(v);
  }
  const tagged = str(get(EXTRA_SLOTS.pick));
  const linked = str(get(EXTRA_SLOTS.eventLinked));
  return definedOnly({
    ...f,
    dateTimeOriginal: str(p.get(`${NS.exif} DateTimeOriginal`)),
    rating: number(get(EXTRA_SLOTS.rating)),
    label: str(get(EXTRA_SLOTS.label)),
    colorClass: number(get(EXTRA_SLOTS.colorClass)),
    pick: tagged === undefined ? undefined : /^true$/i.test(tagged),
    captionTemplate: str(get(EXTRA_SLOTS.captionTemplate)),
    captionRendered: str(get(EXTRA_SLOTS.captionRendered)),
    eventLinked: linked === undefined ? undefined : /^true$/i.test(linked),
  });
}
