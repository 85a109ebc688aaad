/**
 * article.html: the package's offline preview, laid out the way a Vietnamese paper prints the
 * article. It is opened from inside an unzipped package on a desk machine, so it must not
 * run anything or reach anything beyond the photos beside it: no script, no fonts, no CDN,
 * and a CSP that says so.
 */
import { escapeHtml } from './escape';
import type { Manifest, ManifestBlock, ManifestPhoto } from '../../contract/package-manifest';

export const ARTICLE_HTML_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: #1c1c1c;
  font: 18px/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
.article { max-width: 680px; margin: 0 auto; padding: 40px 20px 64px; overflow-wrap: anywhere; }
.kicker {
  margin: 0 0 10px; font-size: 13px; font-weight: 600; letter-spacing: .06em;
  text-transform: uppercase; color: #a3231b;
}
.headline {
  margin: 0 0 12px; font-family: "Noto Serif", Georgia, "Times New Roman", Times, serif;
  font-size: 34px; line-height: 1.25; font-weight: 700; letter-spacing: -.01em; text-wrap: balance;
}
.dateline { margin: 0 0 22px; font-size: 14px; color: #666; }
.sapo { margin: 0 0 26px; font-weight: 700; }
.para { margin: 0 0 1.1em; }
figure { margin: 30px 0; }
figure img { display: block; width: 100%; height: auto; background: #eee; }
figcaption {
  margin: 9px 0 0; font-size: 15px; line-height: 1.5; font-style: italic; color: #4a4a4a;
  text-align: center; text-wrap: pretty;
}
.credit { font-style: normal; white-space: nowrap; }
.provenance { max-width: 680px; margin: 0 auto 40px; padding: 0 20px; font-size: 13px; color: #666; }
.gallery .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; align-items: start; }
/* An odd number of photos: the first takes the full row, so the grid has no hole. */
.gallery .grid img:first-child:nth-last-child(odd) { grid-column: 1 / -1; }
.byline { margin: 34px 0 0; text-align: right; font-weight: 700; }
@media (max-width: 520px) {
  body { font-size: 17px; }
  .article { padding-top: 24px; }
  .headline { font-size: 27px; }
}
`;

/** "Lào Cai, 26/12/2024": Vietnamese papers write dates dd/mm/yyyy. */
export function datelineText(dateline: Manifest['article']['dateline']): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateline.date.trim());
  const date = iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : dateline.date.trim();
  return [dateline.place.trim(), date].filter(Boolean).join(', ');
}

/** Body blocks point at photos by id; a dangling id is a broken package, not a blank frame. */
export function photoLookup(manifest: Manifest): (id: string) => ManifestPhoto {
  const byId = new Map(manifest.photos.map((p) => [p.id, p]));
  return (id) => {
    const photo = byId.get(id);
    if (!photo) throw new Error(`The article refers to photo ${id}, which the package lacks`);
    return photo;
  };
}

/**
 * The photo's path inside the zip as a relative URL. Encoding each segment keeps a name with
 * `#`, `?`, `%` or a colon (`javascript:…` is a "safe" zip path) from turning into anything
 * but a file beside article.html.
 */
export function relativeUrl(zipPath: string): string {
  return zipPath.split('/').map(encodeURIComponent).join('/');
}

function img(photo: ManifestPhoto, alt: string): string {
  return `<img src="${escapeHtml(relativeUrl(photo.file))}" width="${photo.width}" height="${photo.height}" alt="${escapeHtml(alt)}">`;
}

/**
 * The photo's IPTC alt text is its alt, in article.html and in WordPress; a photo without one
 * falls back to its own caption (the checks warn about it), never to words written for
 * another picture.
 */
export function altFor(photo: ManifestPhoto, ownCaption: string): string {
  return photo.altText?.trim() ? photo.altText : ownCaption;
}

/** The reporter's own photos need no credit: the byline at the foot covers them. */
function creditFor(photos: ManifestPhoto[], articleByline: string): string {
  const names = [
    ...new Set(photos.map((p) => (p.byline ?? p.credit ?? '').trim()).filter(Boolean)),
  ];
  if (names.length === 0 || (names.length === 1 && names[0] === articleByline.trim())) return '';
  return ` <span class="credit">Ảnh: ${escapeHtml(names.join(', '))}</span>`;
}

function caption(text: string, credit: string): string {
  if (!text.trim() && !credit) return '';
  return `<figcaption>${escapeHtml(text)}${credit}</figcaption>`;
}

function renderBlock(
  block: ManifestBlock,
  photo: (id: string) => ManifestPhoto,
  byline: string,
): string {
  const data = `data-block="${escapeHtml(block.id)}"`;
  if (block.type === 'paragraph') {
    return block.text.trim() ? `<p class="para" ${data}>${escapeHtml(block.text)}</p>` : '';
  }
  if (block.type === 'photo') {
    const p = photo(block.photo);
    return (
      `<figure class="photo" ${data}>\n${img(p, altFor(p, block.caption || p.caption))}\n` +
      `${caption(block.caption, creditFor([p], byline))}\n</figure>`
    );
  }
  const photos = block.photos.map(photo);
  // Each photo of a gallery is described on its own: the shared caption tells the story, not the picture.
  const imgs = photos
    .map((p) => img(p, altFor(p, p.caption === block.caption ? '' : p.caption)))
    .join('\n');
  return (
    `<figure class="gallery" ${data}>\n<div class="grid">\n${imgs}\n</div>\n` +
    `${caption(block.caption, creditFor(photos, byline))}\n</figure>`
  );
}

/** The package's word on its photos' Content Credentials, for the desk reading the preview. */
function provenanceNote(manifest: Manifest): string {
  const c = manifest.credentials;
  if (!c) return '';
  const text = c.signed
    ? `Mỗi ảnh mang Content Credentials (C2PA) riêng do ${c.signer ?? ''} ký, ghi ảnh gốc là thành phần gốc (parentOf).`
    : 'Ảnh trong gói là bản phái sinh chưa ký: không mang Content Credentials (C2PA) riêng.';
  return `<footer class="provenance" lang="vi">${escapeHtml(text)}</footer>`;
}

export function renderArticleHtml(manifest: Manifest): string {
  const a = manifest.article;
  const photo = photoLookup(manifest);
  const dateline = datelineText(a.dateline);
  const parts = [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${ARTICLE_HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${escapeHtml(`${manifest.app.name} ${manifest.app.version}`)}">`,
    `<title>${escapeHtml(a.headline.trim() || manifest.outlet)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<article class="article">',
    '<header>',
    a.category.trim() ? `<p class="kicker">${escapeHtml(a.category)}</p>` : '',
    `<h1 class="headline">${escapeHtml(a.headline)}</h1>`,
    dateline ? `<p class="dateline">${escapeHtml(dateline)}</p>` : '',
    '</header>',
    a.sapo.trim() ? `<p class="sapo">${escapeHtml(a.sapo)}</p>` : '',
    ...a.body.map((b) => renderBlock(b, photo, a.byline)),
    a.byline.trim() ? `<p class="byline">${escapeHtml(a.byline)}</p>` : '',
    '</article>',
    provenanceNote(manifest),
    '</body>',
    '</html>',
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}
