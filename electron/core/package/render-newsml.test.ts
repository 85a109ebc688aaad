import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { SEED_BYLINE, SEED_CREDIT, seedManifest } from '../../../test/helpers/seed-manifest';
import { cleanText } from './escape';
import { HAS_XMLLINT, itemClass, items, kid, kids, parseXml, xmllint } from './testing/newsml-dom';
import type { Manifest } from '../../contract/package-manifest';
import {
  G2_CATALOG,
  NAR_NS,
  NEWSITEM_TYPE,
  SHA256_IRI,
  XHTML_NS,
  newsMlGuids,
  renderNewsMl,
  uuidV5,
} from './render-newsml';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const parse = parseXml;

const names = (e: Element) => kids(e).map((k) => k.localName ?? '');

/**
 * The order the NewsML-G2 2.34 schema gives contentMeta (ContentMetadataAfDType): the
 * administrative group, then the descriptive one; within each choice any order is fine.
 */
const CONTENT_META_RANK: Record<string, number> = {
  urgency: 0,
  contentCreated: 1,
  contentModified: 2,
  located: 3,
  creator: 3,
  contributor: 3,
  language: 4,
  headline: 4,
  dateline: 4,
  by: 4,
  creditline: 4,
  description: 4,
};

function inSchemaOrder(contentMeta: Element) {
  const ranks = names(contentMeta).map((n) => CONTENT_META_RANK[n]);
  expect(ranks).not.toContain(undefined);
  expect([...ranks].sort((a, b) => a! - b!)).toEqual(ranks);
}

/** Photos in the order the seed article shows them, by camera file number. */
const ARTICLE_ORDER = [2409, 2419, 2437, 2460, 2465, 2470, 2484, 2496, 2403].map(
  (n) => `photos/baolaocai-tl_dsc-${n}.jpg`,
);

describe('renderNewsMl: the seed article', () => {
  const m = seedManifest();
  const xml = renderNewsMl(m);
  const doc = parse(xml);
  const guids = newsMlGuids(m);

  it('is well-formed UTF-8 XML', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage')).toBe(true);
    expect(doc.documentElement!.namespaceURI).toBe(NAR_NS);
  });

  it.skipIf(!HAS_XMLLINT)('passes xmllint --noout', () => {
    const r = xmllint(xml);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has a header with sent, the catalog and the outlet as sender', () => {
    const header = kid(doc.documentElement!, 'header');
    expect(names(header)).toEqual(['sent', 'catalogRef', 'sender']);
    // 17:00 in Lào Cai (+07:00), sent as UTC.
    expect(kid(header, 'sent').textContent).toBe('2024-12-26T10:00:00Z');
    expect(kid(header, 'catalogRef').getAttribute('href')).toBe(G2_CATALOG);
    expect(kid(header, 'sender').textContent).toBe('baolaocai');
  });

  it('holds one packageItem, then the text, then one picture per photo', () => {
    expect(items(doc).map((i) => `${i.localName}:${itemClass(i)}`)).toEqual([
      'packageItem:ninat:composite',
      'newsItem:ninat:text',
      ...m.photos.map(() => 'newsItem:ninat:picture'),
    ]);
  });

  it('marks every item as NewsML-G2 power, version 1, in Vietnamese', () => {
    for (const item of items(doc)) {
      expect(item.getAttribute('standard')).toBe('NewsML-G2');
      expect(item.getAttribute('standardversion')).toMatch(/^\d+\.\d+$/);
      expect(item.getAttribute('conformance')).toBe('power');
      expect(item.getAttribute('version')).toBe('1');
      expect(item.getAttributeNS(XML_NS, 'lang')).toBe('vi');
      const head = item.localName === 'packageItem' ? ['catalogRef', 'catalog'] : ['catalogRef'];
      expect(names(item).slice(0, head.length + 1)).toEqual([...head, 'itemMeta']);
      expect(kid(item, 'catalogRef').getAttribute('href')).toBe(G2_CATALOG);
      const meta = kid(item, 'itemMeta');
      expect(names(meta)).toEqual([
        'itemClass',
        'provider',
        'versionCreated',
        'firstCreated',
        'pubStatus',
        'generator',
      ]);
      expect(kid(meta, 'provider').getAttribute('literal')).toBe('baolaocai');
      expect(kid(meta, 'versionCreated').textContent).toBe('2024-12-26T10:00:00Z');
    }
  });

  it('gives each item its own guid, the package one from packageId', () => {
    const all = items(doc).map((i) => i.getAttribute('guid'));
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(`urn:uuid:${m.packageId}`);
    for (const g of all) expect(g).toMatch(/^urn:uuid:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  it('lists the items in article order in one groupSet', () => {
    const pkg = items(doc)[0]!;
    expect(pkg.getElementsByTagNameNS(NAR_NS, 'groupSet')).toHaveLength(1);
    const groupSet = kid(pkg, 'groupSet');
    expect(groupSet.getAttribute('root')).toBe('G1');
    const group = kid(groupSet, 'group');
    expect(group.getAttribute('id')).toBe('G1');
    expect(group.getAttribute('role')).toBe('group:main');
    expect(group.getAttribute('mode')).toBe('pgrmod:seq');
    const refs = kids(group);
    expect(refs.every((r) => r.localName === 'itemRef')).toBe(true);

    const byGuid = new Map(items(doc).map((i) => [i.getAttribute('guid'), i]));
    const targets = refs.map((r) => {
      expect(r.getAttribute('contenttype')).toBe(NEWSITEM_TYPE);
      expect(r.getAttribute('version')).toBe('1');
      const target = byGuid.get(r.getAttribute('residref'));
      expect(target, `item ${r.getAttribute('residref')}`).toBeDefined();
      expect(kid(r, 'itemClass').getAttribute('qcode')).toBe(itemClass(target!));
      return target!;
    });
    expect(targets[0]).toBe(items(doc)[1]);
    const files = targets.slice(1).map((t) => {
      const rc = kid(kid(t, 'contentSet'), 'remoteContent');
      return rc.getAttribute('href');
    });
    expect(files).toEqual(ARTICLE_ORDER);
    expect(files).not.toEqual([...files].sort());
  });

  it('carries headline and sapo on the text ref, and the article’s caption on each picture ref', () => {
    const refs = kids(kid(kid(items(doc)[0]!, 'groupSet'), 'group'));
    expect(kid(refs[0]!, 'title').textContent).toBe(m.article.headline);
    const summary = kid(refs[0]!, 'description');
    expect([summary.getAttribute('role'), summary.textContent]).toEqual([
      'drol:summary',
      m.article.sapo,
    ]);
    const shown = m.article.body.flatMap((b) =>
      b.type === 'photo' ? [b.caption] : b.type === 'gallery' ? b.photos.map(() => b.caption) : [],
    );
    expect(refs.slice(1).map((r) => kid(r, 'description').textContent)).toEqual(shown);
    expect(
      refs.slice(5, 9).every((r) => /\(ảnh trên\)\.$/.test(kid(r, 'description').textContent!)),
    ).toBe(true);
  });

  it('describes the text item: headline, sapo, byline, place and date, body as XHTML', () => {
    const text = items(doc)[1]!;
    expect(text.getAttribute('guid')).toBe(guids.text);
    const cm = kid(text, 'contentMeta');
    inSchemaOrder(cm);
    expect(kid(cm, 'contentCreated').textContent).toBe('2024-12-26');
    expect(kid(kid(cm, 'located'), 'name').textContent).toBe('Lào Cai');
    expect(kid(kid(cm, 'creator'), 'name').textContent).toBe(SEED_BYLINE);
    expect(kid(cm, 'language').getAttribute('tag')).toBe('vi');
    expect(kid(cm, 'headline').textContent).toBe(m.article.headline);
    expect(kid(cm, 'dateline').textContent).toBe('Lào Cai, 26/12/2024');
    expect(kid(cm, 'by').textContent).toBe(SEED_BYLINE);
    expect(kid(cm, 'description').getAttribute('role')).toBe('drol:summary');
    expect(kid(cm, 'description').textContent).toBe(m.article.sapo);

    const inline = kid(kid(text, 'contentSet'), 'inlineXML');
    expect(inline.getAttribute('contenttype')).toBe('application/xhtml+xml');
    const html = kid(inline, 'html');
    expect(kids(inline)).toHaveLength(1);
    expect(html.namespaceURI).toBe(XHTML_NS);
    const paragraphs = kids(kid(html, 'body'), 'p');
    // The sapo leads the body, as article.html shows it, and as Superdesk can only read it.
    expect(paragraphs[0]!.getAttribute('class')).toBe('sapo');
    expect(paragraphs.map((p) => p.textContent)).toEqual([
      m.article.sapo,
      ...m.article.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])),
    ]);
  });

  it('describes each picture: caption, credit, byline, and the file with size and checksum', () => {
    const pictures = items(doc).slice(2);
    expect(pictures).toHaveLength(9);
    const byFile = new Map(m.photos.map((p) => [p.file, p]));
    for (const item of pictures) {
      const rc = kid(kid(item, 'contentSet'), 'remoteContent');
      const photo = byFile.get(rc.getAttribute('href')!)!;
      expect(item.getAttribute('guid')).toBe(guids.pictures.get(photo.id));
      expect(rc.getAttribute('contenttype')).toBe('image/jpeg');
      expect(rc.getAttribute('size')).toBe(String(photo.bytes));
      expect([rc.getAttribute('width'), rc.getAttribute('height')]).toEqual(['2048', '1365']);
      const hash = kid(rc, 'hash');
      expect([hash.getAttribute('hashtypeuri'), hash.textContent]).toEqual([
        SHA256_IRI,
        photo.sha256,
      ]);
      const cm = kid(item, 'contentMeta');
      inSchemaOrder(cm);
      expect(kid(cm, 'description').getAttribute('role')).toBe('drol:caption');
      expect(kid(cm, 'description').textContent).toBe(photo.caption);
      expect(kid(cm, 'creditline').textContent).toBe(SEED_CREDIT);
      expect(kid(kid(cm, 'creator'), 'name').textContent).toBe(SEED_BYLINE);
    }
  });
});

describe('renderNewsMl: hostile and awkward text', () => {
  const NASTY =
    '<script>alert(1)</script><img src=x onerror=alert(1)> & "q" \'a\' ]]> \u0000\u0007';

  function nasty(): Manifest {
    const m = seedManifest();
    m.article.headline = `H ${NASTY}`;
    m.article.sapo = `S ${NASTY}`;
    m.article.byline = `B\n${NASTY}`;
    m.article.dateline = { place: `P ${NASTY}`, date: '2024-02-30' };
    for (const b of m.article.body) {
      if (b.type === 'paragraph') b.text = `${b.text}\r\n${NASTY}`;
      else b.caption = `${b.caption} ${NASTY}`;
    }
    for (const p of m.photos) {
      p.caption = `${p.caption}\n${NASTY}`;
      p.credit = `Báo\tLào\nCai ${NASTY}`;
    }
    m.outlet = `o&"<'>`;
    return m;
  }

  it('stays well-formed and gives every string back as text', () => {
    const m = nasty();
    const doc = parse(renderNewsMl(m));
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const text = items(doc)[1]!;
    const cm = kid(text, 'contentMeta');
    expect(kid(cm, 'headline').textContent).toBe(cleanText(m.article.headline));
    expect(kid(cm, 'description').textContent).toBe(cleanText(m.article.sapo));
    const body = kid(kid(kid(kid(text, 'contentSet'), 'inlineXML'), 'html'), 'body');
    expect(kids(body, 'p')[0]!.textContent).toBe(cleanText(m.article.sapo));
    expect(kids(body, 'p')[1]!.textContent).toBe(
      cleanText((m.article.body[0] as { text: string }).text),
    );
    const picture = items(doc)[2]!;
    const pm = kid(picture, 'contentMeta');
    expect(kid(pm, 'description').textContent).toBe(cleanText(m.photos[0]!.caption));
    // creditline is a g2normalizedString: no tabs, no line breaks.
    expect(kid(pm, 'creditline').textContent).not.toMatch(/[\t\n\r]/);
    expect(kid(pm, 'creditline').textContent).toMatch(/^Báo Lào Cai </);
    expect(kid(kid(items(doc)[0]!, 'itemMeta'), 'provider').getAttribute('literal')).toBe(`o&"<'>`);
  });

  it('leaves out contentCreated when the date is not a real day', () => {
    const cm = kid(items(parse(renderNewsMl(nasty())))[1]!, 'contentMeta');
    expect(kids(cm, 'contentCreated')).toHaveLength(0);
  });

  it.skipIf(!HAS_XMLLINT)('passes xmllint too', () => {
    const r = xmllint(renderNewsMl(nasty()));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('renderNewsMl: rules', () => {
  it('is deterministic', () => {
    const a = renderNewsMl(seedManifest());
    expect(renderNewsMl(seedManifest())).toBe(a);
    expect(renderNewsMl(JSON.parse(JSON.stringify(seedManifest())) as Manifest)).toBe(a);
  });

  it('keeps each guid across versions and reordering, and bumps the version', () => {
    const v1 = seedManifest();
    const v2 = structuredClone(v1);
    v2.version = 2;
    v2.photos.reverse();
    const g1 = newsMlGuids(v1);
    const g2 = newsMlGuids(v2);
    expect(g2.package).toBe(g1.package);
    expect(g2.text).toBe(g1.text);
    for (const p of v1.photos) expect(g2.pictures.get(p.id)).toBe(g1.pictures.get(p.id));
    const doc = parse(renderNewsMl(v2));
    for (const i of items(doc)) expect(i.getAttribute('version')).toBe('2');
  });

  it('gives two exports of one source two guids', () => {
    const m = seedManifest();
    m.photos[1]!.source = { ...m.photos[0]!.source };
    const g = newsMlGuids(m);
    expect(g.pictures.get('p1')).not.toBe(g.pictures.get('p2'));
  });

  it('makes version-5 UUIDs', () => {
    // RFC 9562's worked example (appendix A.4): the DNS namespace and "www.example.com".
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a createdAt that is not an xs:dateTime, and a missing photo', () => {
    const m = seedManifest();
    expect(() => renderNewsMl({ ...m, createdAt: '26/12/2024' })).toThrow(/xs:dateTime/);
    expect(() => renderNewsMl({ ...m, photos: m.photos.slice(1) })).toThrow(/p1/);
  });
});
