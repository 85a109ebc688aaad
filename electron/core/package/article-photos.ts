/**
 * The package's photos as a reader meets them: in the order the article first shows them,
 * then any the article does not show. NewsML-G2 lists its pictures this way, and WordPress
 * takes the first as the post's featured image.
 */
import type { Manifest, ManifestPhoto } from '../../contract/package-manifest';
import { oneLine } from './escape';
import { photoLookup } from './render-html';

export function photosInArticleOrder(manifest: Manifest): ManifestPhoto[] {
  const photo = photoLookup(manifest);
  const seen = new Set<string>();
  const ordered: ManifestPhoto[] = [];
  for (const b of manifest.article.body) {
    const ids = b.type === 'photo' ? [b.photo] : b.type === 'gallery' ? b.photos : [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      ordered.push(photo(id));
    }
  }
  for (const p of manifest.photos) if (!seen.has(p.id)) ordered.push(p);
  return ordered;
}

/** A photo's title where a system wants one per picture: the headline, and which photo it is. */
export function pictureHeadline(manifest: Manifest, index: number, count: number): string {
  return `${oneLine(manifest.article.headline)} (ảnh ${index + 1}/${count})`;
}
