import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readingOrder, seedManifest, SEED_BYLINE } from '../../../test/helpers/seed-manifest';
import type { Manifest } from '../../contract/package-manifest';
import { ARTICLE_HTML_CSP, datelineText, relativeUrl, renderArticleHtml } from './render-html';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

function parse(html: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => void errors.push(`${level}: ${msg}`),
  }).parseFromString(html, 'text/html');
  expect(errors).toEqual([]);
  return doc;
}

function all(doc: ReturnType<typeof parse>, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

const cls = (e: Element, c: string) => (e.getAttribute('class') ?? '').split(' ').includes(c);

function every(doc: ReturnType<typeof parse>): Element[] {
  return all(doc, '*');
}

describe('renderArticleHtml: the document shell', () => {
  const html = renderArticleHtml(seedManifest());
  const doc = parse(html);

  it('is HTML5 in Vietnamese, UTF-8, with a viewport', () => {
    expect(
      html.startsWith('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    const metas = all(doc, 'meta');
    expect(metas.find((m) => m.getAttribute('name') === 'viewport')?.getAttribute('content')).toBe(
      'width=device-width, initial-scale=1',
    );
  });

  it('carries the strict CSP, before any style', () => {
    const csp = all(doc, 'meta').find(
      (m) => m.getAttribute('http-equiv') === 'Content-Security-Policy',
    );
    expect(csp?.getAttribute('content')).toBe(ARTICLE_HTML_CSP);
    expect(ARTICLE_HTML_CSP).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('runs nothing and fetches nothing but its own photos', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\(|https?:|\/\//i);
    for (const e of every(doc)) {
      for (const a of Array.from(e.attributes)) expect(a.name).not.toMatch(/^on/i);
    }
    const srcs = every(doc).flatMap((e) => (e.hasAttribute('src') ? [e.getAttribute('src')!] : []));
    expect(srcs).toHaveLength(9);
    for (const s of srcs) expect(s).toMatch(/^photos\/[a-z0-9._-]+\.jpg$/);
  });

  it('gives every photo its size, and without alt text its own caption as alt, never the gallery’s', () => {
    const m = seedManifest();
    const inGallery = new Set(
      m.article.body.flatMap((b) => (b.type === 'gallery' ? b.photos : [])),
    );
    expect(inGallery.size).toBeGreaterThan(1);
    const imgs = all(doc, 'img');
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(m.photos.map((p) => p.file));
    imgs.forEach((img, i) => {
      const p = m.photos[i]!;
      expect(img.getAttribute('width')).toBe('2048');
      expect(img.getAttribute('height')).toBe('1365');
      // The seed's gallery photos carry only the shared caption: it describes no one picture.
      expect(img.getAttribute('alt')).toBe(inGallery.has(p.id) ? '' : p.caption);
    });
  });

  it('gives each photo its own IPTC alt text as alt, in a gallery too, escaped', () => {
    const m = seedManifest();
    m.photos.forEach((p, i) => (p.altText = `Ảnh ${i + 1}: "người" & <cờ> ${SCRIPT}`));
    const d = parse(renderArticleHtml(m));
    expect(all(d, 'img').map((img) => img.getAttribute('alt'))).toEqual(
      m.photos.map((p) => p.altText),
    );
    expect(renderArticleHtml(m)).not.toContain(SCRIPT);
  });
});

describe('renderArticleHtml: the article', () => {
  const m = seedManifest();
  const doc = parse(renderArticleHtml(m));

  it('shows headline, sapo, paragraphs and captions in article order', () => {
    const shown = every(doc)
      .filter(
        (e) => cls(e, 'headline') || cls(e, 'sapo') || cls(e, 'para') || e.tagName === 'figcaption',
      )
      .map((e) => e.textContent);
    expect(shown).toEqual(readingOrder(m));
  });

  it('sets the sapo apart, dates the article dd/mm/yyyy and signs it at the foot', () => {
    const p = all(doc, 'p');
    expect(p.find((e) => cls(e, 'dateline'))?.textContent).toBe('Lào Cai, 26/12/2024');
    expect(p.at(-1)?.getAttribute('class')).toBe('byline');
    expect(p.at(-1)?.textContent).toBe(SEED_BYLINE);
  });

  it('shows the gallery as one group of four with one shared caption', () => {
    const galleries = all(doc, 'figure').filter((f) => cls(f, 'gallery'));
    expect(galleries).toHaveLength(1);
    const g = galleries[0]!;
    expect(g.getElementsByTagName('img')).toHaveLength(4);
    const captions = Array.from(g.getElementsByTagName('figcaption'));
    expect(captions.map((c) => c.textContent)).toEqual([expect.stringMatching(/\(ảnh trên\)\.$/)]);
    const sameText = all(doc, 'figcaption').filter(
      (c) => c.textContent === captions[0]!.textContent,
    );
    expect(sameText).toHaveLength(1);
  });

  it('keeps article order, not capture order', () => {
    const srcs = all(doc, 'img').map((i) => i.getAttribute('src'));
    expect(srcs.at(-1)).toBe('photos/baolaocai-tl_dsc-2403.jpg');
    expect(srcs.slice(4, 8)).toEqual(
      [2465, 2470, 2484, 2496].map((n) => `photos/baolaocai-tl_dsc-${n}.jpg`),
    );
  });

  it('leaves the reporter’s own photos uncredited and credits anyone else as "Ảnh:"', () => {
    expect(all(doc, 'span').filter((s) => cls(s, 'credit'))).toHaveLength(0);
    const other = structuredClone(m);
    other.photos[0]!.byline = 'Quốc Hồng';
    const credits = all(parse(renderArticleHtml(other)), 'span').filter((s) => cls(s, 'credit'));
    expect(credits.map((c) => c.textContent)).toEqual(['Ảnh: Quốc Hồng']);
  });
});

describe('renderArticleHtml: hostile text', () => {
  function hostile(): Manifest {
    const m = seedManifest();
    m.article.headline = `${SCRIPT} headline`;
    m.article.sapo = `sapo ${IMG}`;
    m.article.category = `"><b>`;
    for (const b of m.article.body) {
      if (b.type === 'paragraph') b.text = `${b.text} ${SCRIPT}`;
      else b.caption = `${b.caption} ${SCRIPT}${IMG}`;
    }
    m.photos[0]!.byline = `${IMG}' onload='x`;
    m.photos[1]!.file = 'photos/a#b?c:d.jpg';
    return m;
  }

  it('shows every hostile string as text', () => {
    const m = hostile();
    const html = renderArticleHtml(m);
    expect(html).not.toMatch(/<script|<img src=x|<b>|onerror=alert\(1\)>/);
    const doc = parse(html);
    expect(all(doc, 'script')).toHaveLength(0);
    expect(all(doc, 'img')).toHaveLength(9);
    expect(all(doc, 'h1')[0]!.textContent).toBe(m.article.headline);
    const firstPhoto = m.article.body.find((b) => b.type === 'photo')!;
    expect(all(doc, 'figcaption')[0]!.textContent).toBe(
      `${firstPhoto.caption} Ảnh: ${IMG}' onload='x`,
    );
    for (const e of every(doc)) {
      for (const a of Array.from(e.attributes)) expect(a.name).not.toMatch(/^on/i);
    }
  });

  it('keeps an odd file name a relative path', () => {
    expect(relativeUrl('photos/a#b?c:d.jpg')).toBe('photos/a%23b%3Fc%3Ad.jpg');
    expect(relativeUrl('javascript:alert(1)')).toBe('javascript%3Aalert(1)');
    const srcs = all(parse(renderArticleHtml(hostile())), 'img').map((i) => i.getAttribute('src'));
    expect(srcs[1]).toBe('photos/a%23b%3Fc%3Ad.jpg');
  });
});

describe('renderArticleHtml: rules', () => {
  it('is deterministic', () => {
    const a = renderArticleHtml(seedManifest());
    expect(renderArticleHtml(seedManifest())).toBe(a);
    expect(renderArticleHtml(JSON.parse(JSON.stringify(seedManifest())) as Manifest)).toBe(a);
  });

  it('refuses a body that points at a missing photo', () => {
    const m = seedManifest();
    m.photos = m.photos.filter((p) => p.id !== 'p9');
    expect(() => renderArticleHtml(m)).toThrow(/p9/);
  });

  it('writes ISO dates the Vietnamese way and leaves other dates alone', () => {
    expect(datelineText({ place: 'Lào Cai', date: '2024-12-26' })).toBe('Lào Cai, 26/12/2024');
    expect(datelineText({ place: 'Sa Pa', date: 'chiều 26/12' })).toBe('Sa Pa, chiều 26/12');
    expect(datelineText({ place: '', date: '2024-12-26' })).toBe('26/12/2024');
  });
});
