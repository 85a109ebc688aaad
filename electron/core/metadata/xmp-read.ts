import { definedOnly } from '../util/collections';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { NS } from './xmp-namespaces';

/**
 * XMP properties read with a real XML parser rather than exifr's, which leaves
 * entities undecoded and turns "0012" into 12. Values stay strings; arrays stay arrays.
 */
export interface XmpFields {
  caption?: string;
  title?: string;
  headline?: string;
  byline?: string[];
  credit?: string;
  source?: string;
  copyright?: string;
  city?: string;
  province?: string;
  country?: string;
  countryCode?: string;
  location?: string;
  keywords?: string[];
  jobId?: string;
  instructions?: string;
  dateCreated?: string;
  dateTimeOriginal?: string;
  rating?: number;
  label?: string;
}

type Value = string | string[];

/** All top-level properties of every rdf:Description, keyed `namespaceURI localName`. */
export function readXmpProperties(packet: string): Map<string, Value> {
  const props = new Map<string, Value>();
  const start = packet.indexOf('<');
  if (start < 0) return props;
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(
      packet.slice(start).replace(/\0+$/, ''),
      'text/xml',
    );
  } catch {
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

export function xmpFields(packet: string): XmpFields {
  const p = readXmpProperties(packet);
  const get = (ns: string, name: string) => p.get(`${ns} ${name}`);
  const rating = str(get(NS.xmp, 'Rating'));
  const f: XmpFields = {
    caption: str(get(NS.dc, 'description')),
    title: str(get(NS.dc, 'title')),
    headline: str(get(NS.photoshop, 'Headline')),
    byline: list(get(NS.dc, 'creator')),
    credit: str(get(NS.photoshop, 'Credit')),
    source: str(get(NS.photoshop, 'Source')),
    copyright: str(get(NS.dc, 'rights')),
    city: str(get(NS.photoshop, 'City')),
    province: str(get(NS.photoshop, 'State')),
    country: str(get(NS.photoshop, 'Country')),
    countryCode: str(get(NS.Iptc4xmpCore, 'CountryCode')),
    location: str(get(NS.Iptc4xmpCore, 'Location')),
    keywords: list(get(NS.dc, 'subject')),
    jobId: str(get(NS.photoshop, 'TransmissionReference')),
    instructions: str(get(NS.photoshop, 'Instructions')),
    dateCreated: str(get(NS.photoshop, 'DateCreated')),
    dateTimeOriginal: str(get(NS.exif, 'DateTimeOriginal')),
    rating:
      rating !== undefined && rating.trim() !== '' && Number.isFinite(Number(rating))
        ? Number(rating)
        : undefined,
    label: str(get(NS.xmp, 'Label')),
  };
  return definedOnly(f);
}
