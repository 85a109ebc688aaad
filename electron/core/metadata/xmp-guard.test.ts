import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXmpXml, XMP_LIMITS, XmpRefusedError, xmpRefusal } from './xmp-guard';

const nest = (n: number) => `<r>${'<a>'.repeat(n - 1)}x${'</a>'.repeat(n - 1)}</r>`;

describe('xmpRefusal', () => {
  it('lets a real packet through, with comments, PIs, CDATA and `>` inside attribute values', () => {
    const ok = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><!-- a > b --><x:xmpmeta xmlns:x="adobe:ns:meta/"><r a="1 > 0" b='a>b'/><![CDATA[<<<>>>]]></x:xmpmeta><?xpacket end="w"?>`;
    expect(xmpRefusal(ok)).toBeNull();
    expect(parseXmpXml(ok).documentElement?.localName).toBe('xmpmeta');
  });

  it('allows 64 levels and refuses 65', () => {
    expect(xmpRefusal(nest(XMP_LIMITS.depth))).toBeNull();
    expect(xmpRefusal(nest(XMP_LIMITS.depth + 1))).toMatch(/nest deeper than 64/);
  });

  it('self-closing tags do not deepen; closing tags come back up', () => {
    expect(xmpRefusal(`<r>${'<a/>'.repeat(1000)}${'<b></b>'.repeat(1000)}</r>`)).toBeNull();
  });

  it('refuses any declaration, in any case, wherever it sits', () => {
    for (const t of [
      '<!DOCTYPE r><r/>',
      '<!doctype r><r/>',
      '<r/><!ENTITY x "y">',
      '<r><!ELEMENT r ANY></r>',
      '<r><!-- <!DOCTYPE x> --></r>',
    ])
      expect(xmpRefusal(t), t).toMatch(/DOCTYPE or entities/);
    expect(xmpRefusal('<r><!FOO></r>')).toMatch(/markup declaration/);
  });

  it('refuses too many tags or attributes and too much text, before parsing', () => {
    expect(xmpRefusal(`<r>${'<a/>'.repeat(XMP_LIMITS.tags)}</r>`)).toMatch(/more than 50000 tags/);
    expect(xmpRefusal(`<r ${'a="1" '.repeat(XMP_LIMITS.attributes + 1)}/>`)).toMatch(
      /more than 50000 attributes/,
    );
    expect(xmpRefusal(`<r>${'x'.repeat(XMP_LIMITS.bytes)}</r>`)).toMatch(/over the 4 MB limit/);
    expect(() =>
      parseXmpXml('<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'),
    ).toThrow(XmpRefusedError);
  });
});

it('no app code in electron/ reaches an XML parser except through the guard', () => {
  const root = join(__dirname, '../..');
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // testing/ holds test helpers that read our own NewsML output, never a user's file.
      else if (
        /\.tsx?$/.test(name) &&
        !name.endsWith('.test.ts') &&
        name !== 'xmp-guard.ts' &&
        !path.includes('/testing/')
      )
        if (
          /\bDOMParser\b|parseFromString|fast-xml-parser|sax\b|libxmljs/.test(
            readFileSync(path, 'utf8'),
          )
        )
          offenders.push(relative(root, path));
    }
  };
  walk(root);
  expect(offenders).toEqual([]);
});
