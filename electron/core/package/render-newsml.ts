/**
 * newsml.xml: the package as IPTC NewsML-G2, for desks whose systems ingest G2 rather than our
 * manifest. One newsMessage carries a packageItem (ninat:composite) whose single groupSet lists
 * the items in article order, the text as one newsItem, and each photo as its own newsItem.
 *
 * Element order and attribute names follow the NewsML-G2 2.34 power schema (the version that
 * goes with catalog 38). Two of its rules shape the code: attributes are lower case
 * (`contenttype`, not `contentType`), and creditline, name and provider literal are
 * g2normalizedString, which forbids tabs and line breaks.
 *
 * Beyond the schema, the file is shaped by what consumers actually read. Superdesk's NewsML-G2
 * parser (superdesk-core, superdesk/io/feed_parsers/newsml_2_0.py) aborts without a pubStatus
 * in itemMeta or a rendition on a remoteContent, takes an itemRef's title from its headline,
 * and reads no description of a text item, which is why the sapo is also the lead paragraph of
 * the XHTML body (as article.html shows it). It takes a picture's first description as its
 * caption, so the caption comes before the photo's other descriptions.
 *
 * The newer IPTC photo fields go where the schema has a place for them: Digital Source Type as
 * contentMeta's digitalSourceType (2.33+), by the IPTC term's URI; Alt Text and Extended
 * Description as further descriptions (DESCRIPTION_ROLE_SCHEME). AI System Used and AI Prompt
 * have no property in G2 2.34/2.35; they travel in the JPEG's XMP only.
 */
import { createHash } from 'node:crypto';
import { escapeXmlAttr as attr, escapeXmlText as text, oneLine } from './escape';
import type { Manifest } from '../../contract/package-manifest';
import { pictureHeadline, picturesInArticleOrder, type PictureRef } from './article-photos';
import { datelineText, relativeUrl } from './render-html';
import { baseUrlFolder } from '../../../common/package/newsml-base-url';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const G2_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';
export const G2_VERSION = '2.34';
/** The media type of a G2 item, which is what an itemRef points at. */
export const NEWSITEM_TYPE = 'application/vnd.iptc.g2.newsitem+xml';
/** The hash element takes the algorithm as an IRI; this one is the usual name for SHA-256. */
export const SHA256_IRI = 'http://www.w3.org/2001/04/xmlenc#sha256';
/**
 * Aliases our QCodes use that IPTC's catalog (G2_CATALOG) declares: nature, package group mode,
 * description role, publishing status and rendition NewsCodes.
 */
export const IPTC_CATALOG_ALIASES = ['ninat', 'pgrmod', 'drol', 'stat', 'rnd'] as const;
/**
 * IPTC has no NewsCodes for a package group's role, so the package declares its own scheme for
 * `group:main` rather than leave the alias undeclared.
 */
export const GROUP_ROLE_SCHEME = { alias: 'group', uri: 'https://captiondesk.app/cv/group-role/' };
/**
 * IPTC's description role NewsCodes (drol:) have caption and summary but no term we could
 * confirm for the accessibility texts of IPTC Photo Metadata 2021.1 (Alt Text, Extended
 * Description). They travel as further descriptions with roles of our own scheme, declared
 * in the picture item's catalog, so no alias is undeclared and a desk can tell them apart.
 */
export const DESCRIPTION_ROLE_SCHEME = {
  alias: 'cdrol',
  uri: 'https://captiondesk.app/cv/description-role/',
};
export const ALT_TEXT_ROLE = `${DESCRIPTION_ROLE_SCHEME.alias}:altText`;
export const EXT_DESCRIPTION_ROLE = `${DESCRIPTION_ROLE_SCHEME.alias}:extDescription`;
/** The exports are sized for the web; rnd:web is IPTC's rendition code for that. */
export const PICTURE_RENDITION = 'rnd:web';

/** RFC 4122 name-based (SHA-1) UUID: the same package and name always give the same guid. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export interface NewsMlGuids {
  package: string;
  text: string;
  /** Keyed by manifest photo id. */
  pictures: Map<string, string>;
}

/**
 * Guids stay put across versions of the package, as G2 requires: the package and text from the
 * packageId, each picture from its source file's checksum, so that reordering photos in
 * version 2 does not hand photo A's guid to photo B.
 */
export function newsMlGuids(manifest: Manifest): NewsMlGuids {
  const id = manifest.packageId;
  const names = new Set<string>();
  const pictures = new Map<string, string>();
  for (const p of manifest.photos) {
    // Two exports of one source (a crop and the full frame) are two items all the same.
    let name = `picture:${p.source.sha256}`;
    if (names.has(name)) name += `:${p.id}`;
    names.add(name);
    pictures.set(p.id, `urn:uuid:${uuidV5(id, name)}`);
  }
  return { package: `urn:uuid:${id}`, text: `urn:uuid:${uuidV5(id, 'text')}`, pictures };
}

const XS_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const ZONED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant in UTC with a Z, as desks compare versionCreated across sources. Whole seconds
 * are written without a fraction; null for anything that is not a dateTime with a zone.
 */
export function utcDateTime(s: string): string | null {
  if (!ZONED_DATETIME.test(s)) return null;
  const t = new Date(s);
  if (Number.isNaN(t.getTime())) return null;
  return t.toISOString().replace(/\.000Z$/, 'Z');
}

/** When the package's first version was made: the earliest dated entry of its history. */
function firstCreated(manifest: Manifest): string {
  const times = [manifest.createdAt, ...manifest.history.map((h) => h.at)].flatMap((s) => {
    const u = utcDateTime(s);
    return u ? [u] : [];
  });
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

/**
 * Words of the text as the body shows it, counted the way Vietnamese newsrooms do: every
 * space-separated syllable with a letter or digit in it.
 */
export function wordCount(texts: string[]): number {
  return texts
    .join(' ')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A picture has no headline of its own; the article's, with which photo it is, stands for one. */

/** An xs:date only if it is a real calendar day; anything else stays out of contentCreated. */
function isoDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === m[0] ? m[0] : null;
}

type Attrs = Record<string, string | number>;

function open(name: string, attrs: Attrs): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
  return `<${name}${a}`;
}

/** One line: an empty element, or one holding already-escaped text. */
function el(name: string, attrs: Attrs, body?: string): string {
  return body === undefined ? `${open(name, attrs)}/>` : `${open(name, attrs)}>${body}</${name}>`;
}

/**
 * An element whose children are lines of their own. Indentation goes before each entry, never
 * inside one, so a caption with a line break in it comes out exactly as it went in.
 */
function block(name: string, attrs: Attrs, children: string[]): string[] {
  return [`${open(name, attrs)}>`, ...children.map((l) => `  ${l}`), `</${name}>`];
}

function itemAttrs(manifest: Manifest, guid: string): Attrs {
  return {
    standard: 'NewsML-G2',
    standardversion: G2_VERSION,
    conformance: 'power',
    guid,
    version: manifest.version,
    'xml:lang': 'vi',
  };
}

interface Dates {
  versionCreated: string;
  firstCreated: string;
}

/** catalogRef and itemMeta, which every item carries in the same shape. */
function itemHead(
  manifest: Manifest,
  dates: Dates,
  itemClass: string,
  catalog: string[] = [],
): string[] {
  return [
    el('catalogRef', { href: G2_CATALOG }),
    ...catalog,
    ...block('itemMeta', {}, [
      el('itemClass', { qcode: itemClass }),
      el('provider', { literal: oneLine(manifest.outlet) }),
      el('versionCreated', {}, dates.versionCreated),
      el('firstCreated', {}, dates.firstCreated),
      el('pubStatus', { qcode: 'stat:usable' }),
      el('generator', { versioninfo: manifest.app.version }, text(oneLine(manifest.app.name))),
    ]),
  ];
}

function creator(name: string | null): string[] {
  const n = oneLine(name ?? '');
  return n ? block('creator', {}, [el('name', {}, text(n))]) : [];
}

function packageItem(
  manifest: Manifest,
  dates: Dates,
  guids: NewsMlGuids,
  pictures: PictureRef[],
): string[] {
  const a = manifest.article;
  const ref = (guid: string) => ({
    residref: guid,
    contenttype: NEWSITEM_TYPE,
    version: manifest.version,
  });
  const refs = [
    ...block('itemRef', ref(guids.text), [
      el('itemClass', { qcode: 'ninat:text' }),
      el('title', {}, text(a.headline)),
      el('description', { role: 'drol:summary' }, text(a.sapo)),
      // Superdesk names a package's references by their headline, not their title.
      el('headline', {}, text(a.headline)),
    ]),
    ...pictures.flatMap(({ photo, caption }, i) => {
      const headline = text(pictureHeadline(manifest, i, pictures.length));
      return block('itemRef', ref(guids.pictures.get(photo.id)!), [
        el('itemClass', { qcode: 'ninat:picture' }),
        el('title', {}, headline),
        el('description', { role: 'drol:caption' }, text(caption)),
        el('headline', {}, headline),
      ]);
    }),
  ];
  const catalog = block('catalog', {}, [el('scheme', GROUP_ROLE_SCHEME)]);
  return block('packageItem', itemAttrs(manifest, guids.package), [
    ...itemHead(manifest, dates, 'ninat:composite', catalog),
    ...block('contentMeta', {}, [...creator(a.byline), el('headline', {}, text(a.headline))]),
    ...block('groupSet', { root: 'G1' }, [
      ...block('group', { id: 'G1', role: 'group:main', mode: 'pgrmod:seq' }, refs),
    ]),
  ]);
}

function textItem(manifest: Manifest, dates: Dates, guid: string): string[] {
  const a = manifest.article;
  const created = isoDate(a.dateline.date);
  const place = oneLine(a.dateline.place);
  const dateline = datelineText(a.dateline);
  const texts = a.body.flatMap((b) => (b.type === 'paragraph' && b.text.trim() ? [b.text] : []));
  const sapo = a.sapo.trim() ? [a.sapo] : [];
  const paragraphs = [
    ...sapo.map((s) => el('p', { class: 'sapo' }, text(s))),
    ...texts.map((t) => el('p', {}, text(t))),
  ];
  return block('newsItem', itemAttrs(manifest, guid), [
    ...itemHead(manifest, dates, 'ninat:text'),
    ...block('contentMeta', {}, [
      ...(created ? [el('contentCreated', {}, created)] : []),
      ...(place ? block('located', {}, [el('name', {}, text(place))]) : []),
      ...creator(a.byline),
      el('language', { tag: 'vi' }),
      el('headline', {}, text(a.headline)),
      ...(dateline ? [el('dateline', {}, text(dateline))] : []),
      ...(a.byline.trim() ? [el('by', {}, text(a.byline))] : []),
      el('description', { role: 'drol:summary' }, text(a.sapo)),
    ]),
    ...block('contentSet', {}, [
      // inlineXML takes exactly one element: the body travels as one XHTML document.
      ...block(
        'inlineXML',
        { contenttype: 'application/xhtml+xml', wordcount: wordCount([...sapo, ...texts]) },
        [
          ...block('html', { xmlns: XHTML_NS, 'xml:lang': 'vi' }, [
            ...block('head', {}, [el('title', {}, text(a.headline))]),
            ...block('body', {}, paragraphs),
          ]),
        ],
      ),
    ]),
  ]);
}

export interface NewsMlOptions {
  /**
   * Where the package's files are served over HTTP, for desks that fetch each photo by its
   * href (Superdesk does): the hrefs become absolute under it. Without it they stay relative
   * to newsml.xml inside the package. Default: the manifest's `newsml.baseUrl`, the export
   * option it was built with, so a version written after a review keeps the same hrefs.
   */
  baseUrl?: string;
}

/**
 * The photo's Digital Source Type as the IPTC term's URI (what the manifest holds), for the
 * `uri` of digitalSourceType; null when there is none or it is not an absolute URI.
 */
function sourceTypeUri(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    return new URL(v).protocol.startsWith('http') ? v : null;
  } catch {
    return null;
  }
}

function pictureItem(
  manifest: Manifest,
  dates: Dates,
  guid: string,
  { photo, caption }: PictureRef,
  headline: string,
  base: URL | null,
): string[] {
  const credit = oneLine(photo.credit ?? '');
  const sourceType = sourceTypeUri(photo.digitalSourceType);
  // Descriptions beyond the caption: after it, since consumers (Superdesk) take the first.
  const more = (
    [
      [ALT_TEXT_ROLE, photo.altText],
      [EXT_DESCRIPTION_ROLE, photo.extDescription],
    ] as const
  ).flatMap(([role, value]) => (value?.trim() ? [el('description', { role }, text(value))] : []));
  const catalog = more.length ? block('catalog', {}, [el('scheme', DESCRIPTION_ROLE_SCHEME)]) : [];
  const href = relativeUrl(photo.file);
  const file = {
    rendition: PICTURE_RENDITION,
    href: base ? new URL(href, base).href : href,
    contenttype: 'image/jpeg',
    size: photo.bytes,
    width: photo.width,
    height: photo.height,
  };
  return block('newsItem', itemAttrs(manifest, guid), [
    ...itemHead(manifest, dates, 'ninat:picture', catalog),
    ...block('contentMeta', {}, [
      // The schema's place for it (2.33+): after the dates, before the creator.
      ...(sourceType ? [el('digitalSourceType', { uri: sourceType })] : []),
      ...creator(photo.byline),
      el('language', { tag: 'vi' }),
      el('headline', {}, text(headline)),
      ...(credit ? [el('creditline', {}, text(credit))] : []),
      // The photo's own caption; without one, the one the article gives it is better than none.
      el(
        'description',
        { role: 'drol:caption' },
        text(photo.caption.trim() ? photo.caption : caption),
      ),
      ...more,
    ]),
    ...block('contentSet', {}, [
      ...block('remoteContent', file, [
        // Hex, as in the manifest and as sha256sum prints it, so a desk can check the file.
        el('hash', { hashtypeuri: SHA256_IRI }, photo.sha256),
      ]),
    ]),
  ]);
}

export function renderNewsMl(manifest: Manifest, options: NewsMlOptions = {}): string {
  if (!XS_DATETIME.test(manifest.createdAt)) {
    throw new Error(`createdAt "${manifest.createdAt}" is not an xs:dateTime`);
  }
  const versionCreated = utcDateTime(manifest.createdAt);
  if (!versionCreated) {
    throw new Error(`createdAt "${manifest.createdAt}" has no time zone, so no UTC time`);
  }
  const dates = { versionCreated, firstCreated: firstCreated(manifest) };
  const baseUrl = options.baseUrl ?? manifest.newsml?.baseUrl;
  const base = baseUrl === undefined ? null : baseUrlFolder(baseUrl);
  const guids = newsMlGuids(manifest);
  const pictures = picturesInArticleOrder(manifest);
  const message = block('newsMessage', { xmlns: NAR_NS }, [
    ...block('header', {}, [
      el('sent', {}, versionCreated),
      el('catalogRef', { href: G2_CATALOG }),
      el('sender', {}, text(oneLine(manifest.outlet))),
    ]),
    ...block('itemSet', {}, [
      ...packageItem(manifest, dates, guids, pictures),
      ...textItem(manifest, dates, guids.text),
      ...pictures.flatMap((r, i) =>
        pictureItem(
          manifest,
          dates,
          guids.pictures.get(r.photo.id)!,
          r,
          pictureHeadline(manifest, i, pictures.length),
          base,
        ),
      ),
    ]),
  ]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...message].join('\n') + '\n';
}
