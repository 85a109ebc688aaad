/**
 * The package's photos as a reader meets them: in the order the article first shows them,
 * then any the article does not show. NewsML-G2 lists its pictures this way, and WordPress
 * takes the first as the post's featured image.
 */
import type { Manifest, ManifestPhoto } from '../../contract/package-manifest';
import { oneLine } from './escape';
import { photoLookup } from './render-html';

export interface PictureRef {
  photo: ManifestPhoto;
  /** The caption the article shows by this photo: a gallery's shared caption for its members. */
  caption: string;
}

/** Each photo once, where it first appears; photos the body never shows go last. */
export function picturesInArticleOrder(manifest: Manifest): PictureRef[] {
  const photo = photoLookup(manifest);
  const out = new Map<string, PictureRef>();
  for (const b of manifest.article.body) {
    if (b.type === 'photo' && !out.has(b.photo)) {
      const p = photo(b.photo);
      out.set(b.photo, { photo: p, caption: b.caption || p.caption });
    } else if (b.type === 'gallery') {
      for (const id of b.photos) {
        const p = photo(id);
        if (!out.has(id)) out.set(id, { photo: p, caption: b.caption || p.caption });
      }
    }
  }
  for (const p of manifest.photos)
    if (!out.has(p.id)) out.set(p.id, { photo: p, caption: p.caption });
  return [...out.values()];
}

export function photosInArticleOrder(manifest: Manifest): ManifestPhoto[] {
  return picturesInArticleOrder(manifest).map((r) => r.photo);
}

/** A photo's title where a system wants one per picture: the headline, and which photo it is. */
export function pictureHeadline(manifest: Manifest, index: number, count: number): string {
  return `${oneLine(manifest.article.headline)} (ảnh ${index + 1}/${count})`;
}
