import { DOMParser, type Document } from '@xmldom/xmldom';

/**
 * Bounds on what an XMP packet may be before any XML parser sees it. Real packets are a
 * few kilobytes (a Lightroom sidecar with history, some hundreds); xmldom builds about
 * 1.5 KB of heap per element, so the tag and attribute caps keep one packet's tree to tens
 * of megabytes, and the depth cap keeps recursive DOM walks (textContent, serializing)
 * far from the stack limit.
 */
export const XMP_LIMITS = {
  bytes: 4 * 1024 * 1024,
  depth: 64,
  tags: 50_000,
  attributes: 50_000,
} as const;

/** A packet refused before parsing; `reason` says why in words a user can act on. */
export class XmpRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`XMP refused: ${reason}`);
    this.name = 'XmpRefusedError';
  }
}

const MB = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

export function tooBig(bytes: number): string {
  return `it is ${MB(bytes)}, over the ${MB(XMP_LIMITS.bytes)} limit for XMP`;
}

/**
 * Why this text must not be parsed, or null. XMP never needs a DTD: any declaration
 * (DOCTYPE, ENTITY, …) is refused outright, so no entity is expanded or fetched whatever
 * the parser would do with it.
 */
export function xmpRefusal(text: string): string | null {
  // Counted in UTF-16 units: never fewer than the UTF-8 bytes' worth of ASCII markup.
  if (text.length > XMP_LIMITS.bytes) return tooBig(Buffer.byteLength(text, 'utf8'));
  if (/<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(text))
    return 'it declares a DOCTYPE or entities, which XMP never uses (nothing was expanded or fetched)';
  return shapeRefusal(text);
}

/** One pass over the markup: depth, tag and attribute counts, and any other `<!` declaration. */
function shapeRefusal(text: string): string | null {
  let depth = 0;
  let tags = 0;
  let attributes = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    if (++tags > XMP_LIMITS.tags) return `it has more than ${XMP_LIMITS.tags} tags`;
    let end: number;
    if (text.startsWith('<!--', i)) end = closeOf(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) end = closeOf(text, ']]>', i + 9);
    else if (text[i + 1] === '?') end = closeOf(text, '?>', i + 2);
    else if (text[i + 1] === '!') return 'it holds a markup declaration, which XMP never uses';
    else {
      const tag = tagEnd(text, i + 1);
      end = tag.end;
      attributes += tag.attributes;
      if (attributes > XMP_LIMITS.attributes)
        return `it has more than ${XMP_LIMITS.attributes} attributes`;
      if (text[i + 1] === '/') depth--;
      else if (text[end - 2] !== '/' && ++depth > XMP_LIMITS.depth)
        return `its elements nest deeper than ${XMP_LIMITS.depth} levels`;
    }
    if (end < 0) return null; // unterminated: the parser reports it as malformed
    i = text.indexOf('<', end);
  }
  return null;
}

function closeOf(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/** Just past the `>` closing a tag, skipping quoted attribute values (which may hold `>`). */
function tagEnd(text: string, from: number): { end: number; attributes: number } {
  let quote = '';
  let attributes = 0;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') attributes++;
    else if (c === '>') return { end: j + 1, attributes };
  }
  return { end: -1, attributes };
}

/**
 * The one way into an XML parser for XMP: the packet is checked first, then parsed from
 * its first `<` with trailing NULs dropped. `errors` collects non-warning parse errors.
 * Throws XmpRefusedError for a refused packet.
 */
export function parseXmpXml(packet: string, errors: string[] = []): Document {
  const start = packet.indexOf('<');
  const text = (start < 0 ? '' : packet.slice(start)).replace(/\0+$/, '');
  const refusal = xmpRefusal(text);
  if (refusal) throw new XmpRefusedError(refusal);
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(text, 'text/xml');
}
