/**
 * newsml.xml as desks' systems need it, one requirement of issue 11 per test: valid against
 * IPTC's 2.34 and 2.35 schemas; itemMeta with pubStatus in the schema's order; renditions and
 * sizes on every remoteContent; headlines on item references; the text's XHTML body, word count
 * and sapo; each picture's caption and byline; UTC dates; and no undeclared QCode alias.
 */
import { join, resolve } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../../test/helpers/fixtures';
import { seedManifest } from '../../../test/helpers/seed-manifest';
import type { Manifest } from '../../contract/package-manifest';
import {
  ALT_TEXT_ROLE,
  DESCRIPTION_ROLE_SCHEME,
  EXT_DESCRIPTION_ROLE,
  GROUP_ROLE_SCHEME,
  IPTC_CATALOG_ALIASES,
  XHTML_NS,
  type NewsMlOptions,
  renderNewsMl,
  utcDateTime,
  wordCount,
} from './render-newsml';
import { accessible, ALT_TEXT, EXT_DESCRIPTION } from './testing/photo-fields-manifest';
import { HAS_XMLLINT, itemClass, items, kid, kids, parseXml, xmllint } from './testing/newsml-dom';

const XSD_DIR = resolve(REPO, '../shared/standards/newsml-g2');
const parse = parseXml;
const all = (e: Element | Document, name: string): Element[] =>
  Array.from(e.getElementsByTagName(name));

/** A version 2 whose first version was made a day earlier, written at another offset. */
function secondVersion(): Manifest {
  const m = seedManifest();
  m.version = 2;
  m.createdAt = '2024-12-27T08:30:00+07:00';
  m.history = [
    {
      version: 1,
      at: '2024-12-26T17:00:00+07:00',
      by: 'Tùng Lâm',
      role: 'reporter',
      decision: 'submitted',
      note: null,
      previousManifestSha256: null,
      changes: [],
    },
    {
      version: 2,
      at: '2024-12-27T08:30:00+07:00',
      by: 'Biên tập',
      role: 'editor',
      decision: 'edited',
      note: null,
      previousManifestSha256: 'a'.repeat(64),
      changes: ['headline'],
    },
  ];
  return m;
}

/** One photo with no byline and no credit, and a gallery that shares its caption. */
function sparse(): Manifest {
  const m = seedManifest();
  m.photos[0]!.byline = null;
  m.photos[0]!.credit = null;
  return m;
}

const CASES: [string, () => Manifest][] = [
  ['the seed article', seedManifest],
  ['a second version', secondVersion],
  ['a photo with no byline', sparse],
  ['photos with alt text, extended description and source types', accessible],
];

const BASE = 'https://desk.example.vn/goi-tin/baolaocai 2024/';

describe.skipIf(!HAS_XMLLINT)('newsml.xml against IPTC’s NewsML-G2 schema', () => {
  const cases: [string, () => Manifest, NewsMlOptions?][] = [
    ...CASES,
    ['the seed with absolute hrefs', seedManifest, { baseUrl: BASE }],
  ];
  for (const [label, make, options] of cases) {
    for (const version of ['2.34', '2.35']) {
      it(`${label} validates against the ${version} XSD`, () => {
        const xsd = join(XSD_DIR, `NewsML-G2_${version}-spec-All-Power.xsd`);
        const r = xmllint(renderNewsMl(make(), options), ['--nonet', '--schema', xsd]);
        expect(r.stderr.trim()).toBe(`${r.file} validates`);
        expect(r.status).toBe(0);
      });
    }
  }
});

describe('newsml.xml: what consumers need', () => {
  const m = seedManifest();
  const doc = parse(renderNewsMl(m));

  it('gives every item itemClass, versionCreated, firstCreated and pubStatus stat:usable, in the schema’s order', () => {
    // ItemManagementGroup of the 2.34 schema, in its order.
    const schemaOrder = [
      'itemClass',
      'provider',
      'versionCreated',
      'firstCreated',
      'embargoed',
      'pubStatus',
      'role',
      'fileName',
      'generator',
    ];
    expect(items(doc)).toHaveLength(2 + m.photos.length);
    for (const item of items(doc)) {
      const meta = kid(item, 'itemMeta');
      const names = kids(meta).map((e) => e.localName!);
      for (const required of ['itemClass', 'versionCreated', 'firstCreated', 'pubStatus'])
        expect(names).toContain(required);
      const ranks = names.map((n) => schemaOrder.indexOf(n));
      expect(ranks).not.toContain(-1);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      expect(kid(meta, 'pubStatus').getAttribute('qcode')).toBe('stat:usable');
    }
  });

  it('gives every remoteContent a rnd: rendition, contenttype, size, width and height', () => {
    const remotes = all(doc, 'remoteContent');
    expect(remotes).toHaveLength(m.photos.length);
    for (const rc of remotes) {
      expect(rc.getAttribute('rendition')).toMatch(/^rnd:[A-Za-z]+$/);
      expect(rc.getAttribute('contenttype')).toBe('image/jpeg');
      for (const a of ['size', 'width', 'height']) expect(rc.getAttribute(a)).toMatch(/^[1-9]\d*$/);
    }
  });

  it('gives every item reference a title and a headline', () => {
    const refs = all(doc, 'itemRef');
    expect(refs).toHaveLength(1 + m.photos.length);
    for (const ref of refs) {
      expect(kid(ref, 'title').textContent).not.toBe('');
      expect(kid(ref, 'headline').textContent).toBe(kid(ref, 'title').textContent);
    }
    expect(kid(refs[0]!, 'headline').textContent).toBe(m.article.headline);
  });

  it('carries the text’s body as inline XHTML with a word count, and the sapo as drol:summary', () => {
    const text = items(doc).find((i) => itemClass(i) === 'ninat:text')!;
    const inline = kid(kid(text, 'contentSet'), 'inlineXML');
    const html = kid(inline, 'html');
    expect(html.namespaceURI).toBe(XHTML_NS);
    const paragraphs = kids(kid(html, 'body'), 'p').map((p) => p.textContent!);
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(inline.getAttribute('wordcount')).toBe(String(wordCount(paragraphs)));
    expect(Number(inline.getAttribute('wordcount'))).toBeGreaterThan(500);
    const summary = kids(kid(text, 'contentMeta'), 'description');
    expect(summary.map((d) => [d.getAttribute('role'), d.textContent])).toEqual([
      ['drol:summary', m.article.sapo],
    ]);
  });

  it('carries each picture’s caption as drol:caption and its byline as a creator with a name', () => {
    const pictures = items(doc).filter((i) => itemClass(i) === 'ninat:picture');
    expect(pictures).toHaveLength(m.photos.length);
    const byFile = new Map(m.photos.map((p) => [p.file, p]));
    for (const item of pictures) {
      const photo = byFile.get(all(item, 'remoteContent')[0]!.getAttribute('href')!)!;
      const cm = kid(item, 'contentMeta');
      const caption = kid(cm, 'description');
      expect([caption.getAttribute('role'), caption.textContent]).toEqual([
        'drol:caption',
        photo.caption,
      ]);
      expect(kid(kid(cm, 'creator'), 'name').textContent).toBe(photo.byline);
    }
  });

  it('leaves out the creator of a photo with no byline rather than write an empty name', () => {
    const d = parse(renderNewsMl(sparse()));
    const pictures = items(d).filter((i) => itemClass(i) === 'ninat:picture');
    const creators = pictures.map((p) => kids(kid(p, 'contentMeta'), 'creator').length);
    expect(creators.filter((n) => n === 0)).toHaveLength(1);
    expect(creators.filter((n) => n === 1)).toHaveLength(m.photos.length - 1);
  });

  it('writes versionCreated, firstCreated and sent in UTC with a Z', () => {
    const d = parse(renderNewsMl(secondVersion()));
    expect(kid(kid(d.documentElement!, 'header'), 'sent').textContent).toBe('2024-12-27T01:30:00Z');
    for (const item of items(d)) {
      const meta = kid(item, 'itemMeta');
      // Version 2 made at 08:30 +07:00; version 1 the evening before at 17:00 +07:00.
      expect(kid(meta, 'versionCreated').textContent).toBe('2024-12-27T01:30:00Z');
      expect(kid(meta, 'firstCreated').textContent).toBe('2024-12-26T10:00:00Z');
    }
  });

  it('converts to UTC exactly and refuses a time with no zone', () => {
    expect(utcDateTime('2024-12-26T17:00:00+07:00')).toBe('2024-12-26T10:00:00Z');
    expect(utcDateTime('2024-12-26T00:30:00.250+01:00')).toBe('2024-12-25T23:30:00.250Z');
    expect(utcDateTime('2024-12-26T10:00:00Z')).toBe('2024-12-26T10:00:00Z');
    expect(utcDateTime('2024-12-26T17:00:00')).toBeNull();
    expect(() => renderNewsMl({ ...m, createdAt: '2024-12-26T17:00:00' })).toThrow(/time zone/);
  });

  it('declares every QCode alias: in IPTC’s catalog, or as a scheme of the item’s own catalog', () => {
    const QCODE_ATTRS = ['qcode', 'role', 'mode', 'rendition'];
    const seen = new Set<string>();
    for (const item of items(doc)) {
      const declared = new Set<string>(IPTC_CATALOG_ALIASES);
      for (const s of all(item, 'scheme')) declared.add(s.getAttribute('alias')!);
      for (const e of all(item, '*')) {
        if (e.namespaceURI === XHTML_NS) continue;
        for (const a of QCODE_ATTRS) {
          const v = e.getAttribute(a);
          if (!v) continue;
          const alias = v.split(':')[0]!;
          expect(v, `${e.localName}@${a}`).toMatch(/^[A-Za-z][\w-]*:\S+$/);
          expect(declared.has(alias), `${e.localName}@${a}="${v}" in ${itemClass(item)}`).toBe(
            true,
          );
          seen.add(alias);
        }
      }
    }
    // The check saw each alias the file uses, group: among them.
    expect([...seen].sort()).toEqual(['drol', 'group', 'ninat', 'pgrmod', 'rnd', 'stat']);
    const pkg = items(doc)[0]!;
    const scheme = kid(kid(pkg, 'catalog'), 'scheme');
    expect([scheme.getAttribute('alias'), scheme.getAttribute('uri')]).toEqual([
      GROUP_ROLE_SCHEME.alias,
      GROUP_ROLE_SCHEME.uri,
    ]);
  });

  it('keeps hrefs relative inside the package, and makes them absolute under a baseUrl for HTTP desks', () => {
    const relative = all(doc, 'remoteContent').map((rc) => rc.getAttribute('href')!);
    expect(relative).toEqual(expect.arrayContaining(m.photos.map((p) => p.file)));
    const d = parse(renderNewsMl(m, { baseUrl: BASE }));
    const absolute = all(d, 'remoteContent').map((rc) => rc.getAttribute('href')!);
    expect(absolute).toEqual(
      relative.map((r) => `https://desk.example.vn/goi-tin/baolaocai%202024/${r}`),
    );
    // A base without its final slash is the same folder, not its parent.
    expect(renderNewsMl(m, { baseUrl: BASE.slice(0, -1) })).toBe(
      renderNewsMl(m, { baseUrl: BASE }),
    );
  });

  it('refuses a baseUrl that a desk could not fetch from', () => {
    expect(() => renderNewsMl(m, { baseUrl: 'photos/' })).toThrow(/not an absolute URL/);
    expect(() => renderNewsMl(m, { baseUrl: 'file:///tmp/pkg/' })).toThrow(/http or https/);
    expect(() => renderNewsMl(m, { baseUrl: 'https://a.vn/p/?x=1' })).toThrow(/query/);
  });
});

describe('newsml.xml: the photo fields of IPTC Photo Metadata 2021–2025', () => {
  const m = accessible();
  const xml = renderNewsMl(m);
  const doc = parse(xml);
  const pictureOf = (id: string) => {
    const file = m.photos.find((p) => p.id === id)!.file;
    return items(doc).find((i) => all(i, 'remoteContent')[0]?.getAttribute('href') === file)!;
  };
  const [first, second, third] = m.photos.map((p) => pictureOf(p.id));

  it('puts digitalSourceType first in contentMeta, as the term’s URI, and the texts after the caption', () => {
    const cm = kid(first!, 'contentMeta');
    expect(kids(cm).map((e) => e.localName)).toEqual([
      'digitalSourceType',
      'creator',
      'language',
      'headline',
      'creditline',
      'description',
      'description',
      'description',
    ]);
    expect(kid(cm, 'digitalSourceType').getAttribute('uri')).toBe(
      'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
    );
    expect(kid(cm, 'digitalSourceType').hasAttribute('qcode')).toBe(false);
    expect(kids(cm, 'description').map((d) => [d.getAttribute('role'), d.textContent])).toEqual([
      ['drol:caption', m.photos[0]!.caption],
      [ALT_TEXT_ROLE, ALT_TEXT],
      [EXT_DESCRIPTION_ROLE, EXT_DESCRIPTION],
    ]);
  });

  it('declares the accessibility roles’ scheme in each picture that uses it, and only there', () => {
    const scheme = kid(kid(first!, 'catalog'), 'scheme');
    expect([scheme.getAttribute('alias'), scheme.getAttribute('uri')]).toEqual([
      DESCRIPTION_ROLE_SCHEME.alias,
      DESCRIPTION_ROLE_SCHEME.uri,
    ]);
    expect(ALT_TEXT_ROLE.startsWith(`${DESCRIPTION_ROLE_SCHEME.alias}:`)).toBe(true);
    for (const item of [second!, third!]) {
      expect(kids(item, 'catalog')).toEqual([]);
      expect(kids(kid(item, 'contentMeta'), 'description')).toHaveLength(1);
    }
    // Every alias of the file is declared, cdrol: among them.
    const used = new Set<string>();
    for (const item of items(doc)) {
      const declared = new Set<string>(IPTC_CATALOG_ALIASES);
      for (const s of all(item, 'scheme')) declared.add(s.getAttribute('alias')!);
      for (const d of all(item, 'description')) {
        const alias = d.getAttribute('role')!.split(':')[0]!;
        expect(declared.has(alias), d.getAttribute('role')!).toBe(true);
        used.add(alias);
      }
    }
    expect([...used].sort()).toEqual(['cdrol', 'drol']);
  });

  it('marks the AI-made photo by its source type, and writes no element the schema lacks for its system and prompt', () => {
    const cm = kid(second!, 'contentMeta');
    expect(kid(cm, 'digitalSourceType').getAttribute('uri')).toBe(
      'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
    );
    // NewsML-G2 2.34/2.35 have no property for AI System Used or AI Prompt Information.
    expect(xml).not.toContain('Imagen 3');
    expect(xml).not.toContain('Hội trường đỏ');
  });

  it('leaves out a source type that is not a URI rather than write an invalid one', () => {
    expect(kids(kid(third!, 'contentMeta'), 'digitalSourceType')).toEqual([]);
  });

  it('writes nothing new for photos without the fields (the seed’s newsml.xml is as before)', () => {
    const seed = parse(renderNewsMl(seedManifest()));
    expect(all(seed, 'digitalSourceType')).toEqual([]);
    expect(all(seed, 'catalog')).toHaveLength(1);
  });
});
