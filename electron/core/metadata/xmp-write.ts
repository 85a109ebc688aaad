import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { parseXmpXml, XmpRefusedError } from './xmp-guard';
import { NS, type NsPrefix } from './xmp-namespaces';

/** One property change. `null` removes the property. */
export type XmpChange =
  | { prefix: NsPrefix; name: string; kind: 'text'; value: string | null }
  | { prefix: NsPrefix; name: string; kind: 'alt'; value: string | null }
  | { prefix: NsPrefix; name: string; kind: 'seq' | 'bag'; value: string[] | null };

const EMPTY_PACKET = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="CaptionDesk">
 <rdf:RDF xmlns:rdf="${NS.rdf}">
  <rdf:Description rdf:about=""/>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

/**
 * Apply changes to an XMP packet, keeping every property other tools wrote.
 * A packet we cannot parse is not silently replaced: the caller gets the error.
 */
export function updateXmpPacket(existing: string | null, changes: XmpChange[]): string {
  const source = existing && existing.trim() ? existing.slice(existing.indexOf('<')) : EMPTY_PACKET;
  const errors: string[] = [];
  let doc: Document | null = null;
  try {
    doc = parseXmpXml(source, errors);
  } catch (err) {
    // A refused packet keeps its own words: it is hostile, not merely malformed.
    if (err instanceof XmpRefusedError) throw err;
    errors.push((err as Error).message);
  }
  if (errors.length || !doc)
    throw new Error(`the existing XMP is not well-formed XML (${errors[0] ?? 'no document'})`);
  const rdf = findOrCreateRdf(doc);
  for (const change of changes) {
    removeProperty(rdf, change.prefix, change.name);
    if (change.value === null) continue;
    if (Array.isArray(change.value) && change.value.length === 0) continue;
    const desc = firstDescription(doc, rdf);
    ensureNamespace(desc, change.prefix);
    trimTrailingSpace(desc);
    desc.appendChild(doc.createTextNode('\n   '));
    desc.appendChild(buildProperty(doc, change));
  }
  for (const d of descriptions(rdf)) {
    if (d.lastChild && d.lastChild.nodeType === 1) d.appendChild(doc.createTextNode('\n  '));
  }
  let out = new XMLSerializer().serializeToString(doc);
  if (!out.includes('<?xpacket end')) out += '\n<?xpacket end="w"?>';
  if (!out.startsWith('<?xpacket'))
    out = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` + out;
  return out.endsWith('\n') ? out : out + '\n';
}

function trimTrailingSpace(el: Element): void {
  while (el.lastChild && el.lastChild.nodeType === 3 && !(el.lastChild.nodeValue ?? '').trim())
    el.removeChild(el.lastChild);
}

function findOrCreateRdf(doc: Document): Element {
  const found = doc.getElementsByTagNameNS(NS.rdf, 'RDF').item(0);
  if (found) return found;
  throw new Error('the existing XMP has no rdf:RDF element');
}

function descriptions(rdf: Element): Element[] {
  const out: Element[] = [];
  for (let c = rdf.firstChild; c; c = c.nextSibling) {
    const e = c as Element;
    if (c.nodeType === 1 && e.namespaceURI === NS.rdf && e.localName === 'Description') out.push(e);
  }
  return out;
}

function firstDescription(doc: Document, rdf: Element): Element {
  const first = descriptions(rdf)[0];
  if (first) return first;
  const d = doc.createElementNS(NS.rdf, 'rdf:Description');
  d.setAttributeNS(NS.rdf, 'rdf:about', '');
  rdf.appendChild(d);
  return d;
}

function ensureNamespace(el: Element, prefix: NsPrefix): void {
  const uri = NS[prefix];
  if (el.lookupNamespaceURI(prefix) === uri) return;
  el.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, uri);
}

function removeProperty(rdf: Element, prefix: NsPrefix, name: string): void {
  const uri = NS[prefix];
  for (const d of descriptions(rdf)) {
    if (d.hasAttributeNS(uri, name)) d.removeAttributeNS(uri, name);
    for (let c = d.firstChild; c;) {
      const next = c.nextSibling;
      const e = c as Element;
      if (c.nodeType === 1 && e.namespaceURI === uri && e.localName === name) {
        // Drop the indentation before it too, so repeated saves do not grow blank lines.
        const prev = c.previousSibling;
        if (prev && prev.nodeType === 3 && !(prev.nodeValue ?? '').trim()) d.removeChild(prev);
        d.removeChild(c);
      }
      c = next;
    }
  }
}

function buildProperty(doc: Document, change: XmpChange): Element {
  const el = doc.createElementNS(NS[change.prefix], `${change.prefix}:${change.name}`);
  if (change.kind === 'text') {
    el.appendChild(doc.createTextNode((change.value as string).normalize('NFC')));
    return el;
  }
  const containerName = change.kind === 'alt' ? 'Alt' : change.kind === 'seq' ? 'Seq' : 'Bag';
  const container = doc.createElementNS(NS.rdf, `rdf:${containerName}`);
  const values = change.kind === 'alt' ? [change.value as string] : (change.value as string[]);
  for (const v of values) {
    const li = doc.createElementNS(NS.rdf, 'rdf:li');
    if (change.kind === 'alt') li.setAttributeNS(NS.xml, 'xml:lang', 'x-default');
    li.appendChild(doc.createTextNode(v.normalize('NFC')));
    container.appendChild(doc.createTextNode('\n     '));
    container.appendChild(li);
  }
  container.appendChild(doc.createTextNode('\n    '));
  el.appendChild(doc.createTextNode('\n    '));
  el.appendChild(container);
  el.appendChild(doc.createTextNode('\n   '));
  return el;
}
