/**
 * The article body as WordPress block markup (the format Gutenberg saves): core/paragraph,
 * core/image and core/gallery with nested images, in article order. The markup is what
 * the block editor itself would save for these attributes, so the draft opens without
 * "This block contains unexpected or invalid content".
 */
import type { Manifest, ManifestPhoto } from '../../../contract/package-manifest';
import { escapeHtml } from '../../package/escape';
import { altFor, photoLookup } from '../../package/render-html';

/** What WordPress holds for an uploaded photo. */
export interface WpMedia {
  id: number;
  url: string;
}

/**
 * Block attributes as WordPress's serialize_block_attributes() writes them: characters that
 * could end the comment or be read as markup are escaped inside the JSON strings.
 */
export function blockAttrs(attrs: Record<string, unknown>): string {
  const json = JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
  return json === '{}' ? '' : ` ${json}`;
}

function block(name: string, attrs: Record<string, unknown>, html: string): string {
  return `<!-- wp:${name}${blockAttrs(attrs)} -->\n${html}\n<!-- /wp:${name} -->`;
}

/** A paragraph's line breaks are <br>, as the editor makes them with Shift+Enter. */
function paragraph(text: string): string {
  return block('paragraph', {}, `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`);
}

function image(media: WpMedia, alt: string, caption: string, sizeSlug: string): string {
  const figcaption = caption.trim()
    ? `<figcaption class="wp-element-caption">${escapeHtml(caption)}</figcaption>`
    : '';
  return block(
    'image',
    { id: media.id, sizeSlug, linkDestination: 'none' },
    `<figure class="wp-block-image size-${sizeSlug}"><img src="${escapeHtml(media.url)}" alt="${escapeHtml(alt)}" class="wp-image-${media.id}"/>${figcaption}</figure>`,
  );
}

function gallery(items: string[], caption: string): string {
  const figcaption = caption.trim()
    ? `<figcaption class="blocks-gallery-caption wp-element-caption">${escapeHtml(caption)}</figcaption>`
    : '';
  return block(
    'gallery',
    { linkTo: 'none' },
    `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${items.join('\n\n')}${figcaption}</figure>`,
  );
}

/** The post content. `media` gives each photo's uploaded media item. */
export function articleBlocks(
  manifest: Manifest,
  media: (photo: ManifestPhoto) => WpMedia,
): string {
  const photo = photoLookup(manifest);
  const out: string[] = [];
  for (const b of manifest.article.body) {
    if (b.type === 'paragraph') {
      if (b.text.trim()) out.push(paragraph(b.text));
    } else if (b.type === 'photo') {
      const p = photo(b.photo);
      out.push(image(media(p), altFor(p, b.caption || p.caption), b.caption, 'full'));
    } else {
      // Each photo of a gallery has its own alt text; the shared caption is the gallery's.
      const items = b.photos.map((id) => {
        const p = photo(id);
        return image(media(p), altFor(p, p.caption === b.caption ? '' : p.caption), '', 'large');
      });
      out.push(gallery(items, b.caption));
    }
  }
  // The byline closes the article, right-aligned and bold, as Vietnamese papers print it.
  const byline = manifest.article.byline.trim();
  if (byline)
    out.push(
      block(
        'paragraph',
        { align: 'right' },
        `<p class="has-text-align-right"><strong>${escapeHtml(byline)}</strong></p>`,
      ),
    );
  return out.join('\n\n');
}
