/**
 * Escaping for the package's article.html and newsml.xml. Every string from the manifest is
 * user text (captions are pasted from anywhere), so nothing reaches markup without passing here.
 */

/**
 * NFC, with the characters XML 1.0 forbids even as references (C0 controls other than tab, LF
 * and CR, U+FFFE, U+FFFF) dropped and lone surrogates replaced by U+FFFD. One stray control
 * character pasted into a caption would otherwise make newsml.xml unreadable for the desk.
 */
export function cleanText(s: string): string {
  let out = '';
  // for…of walks code points, so a lone surrogate arrives on its own and a valid pair together.
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) continue;
    if (cp === 0xfffe || cp === 0xffff) continue;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : ch;
  }
  return out;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in HTML text and in quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const XML_TEXT_ENTITIES: Record<string, string> = {
  ...HTML_ENTITIES,
  "'": '&apos;',
  // A raw CR would be folded into LF by every XML parser.
  '\r': '&#13;',
};

const XML_ATTR_ENTITIES: Record<string, string> = {
  ...XML_TEXT_ENTITIES,
  // Attribute-value normalisation turns raw tab and LF into spaces; references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
};

export function escapeXmlText(s: string): string {
  return cleanText(s).replace(/[&<>"'\r]/g, (c) => XML_TEXT_ENTITIES[c]!);
}

export function escapeXmlAttr(s: string): string {
  return cleanText(s).replace(/[&<>"'\t\n\r]/g, (c) => XML_ATTR_ENTITIES[c]!);
}

/** Whitespace runs folded to one space: for fields whose type forbids tabs and line breaks. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
