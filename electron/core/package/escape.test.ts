import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml, escapeXmlAttr, escapeXmlText, oneLine } from './escape';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;already&gt; & friends',
  ']]><!-- -->',
];

function strictXml(xml: string) {
  return new DOMParser({
    onError: (level, msg) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it.each(HOSTILE)('leaves no markup in %s', (s) => {
    const out = escapeHtml(s);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it('keeps Vietnamese, in NFC', () => {
    const nfd = 'Phó Bí thư Tỉnh ủy'.normalize('NFD');
    expect(escapeHtml(nfd)).toBe('Phó Bí thư Tỉnh ủy'.normalize('NFC'));
  });
});

describe('cleanText', () => {
  it('drops what XML 1.0 cannot carry and keeps tab, LF and CR', () => {
    expect(cleanText('a\u0000b\u0008c\u000bd\u001fe\uffff')).toBe('abcde');
    expect(cleanText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('replaces a lone surrogate and keeps a real pair', () => {
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('x\udc00')).toBe('x\ufffd');
    expect(cleanText('📷 ảnh')).toBe('📷 ảnh');
  });
});

describe('XML escaping', () => {
  it.each([...HOSTILE, 'line 1\nline 2\r\n\ttabbed', 'bell\u0007 and nul\u0000'])(
    'round-trips %j through a strict parser, in text and in an attribute',
    (s) => {
      const doc = strictXml(`<r a="${escapeXmlAttr(s)}">${escapeXmlText(s)}</r>`);
      expect(doc.documentElement!.textContent).toBe(cleanText(s));
      expect(doc.documentElement!.getAttribute('a')).toBe(cleanText(s));
    },
  );
});

describe('oneLine', () => {
  it('folds tabs and line breaks for single-line fields', () => {
    expect(oneLine('  Báo\tLào\r\nCai  ')).toBe('Báo Lào Cai');
  });
});
