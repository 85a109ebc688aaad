import type { Article, ArticleIssue, Photo } from '../../contract/api';
import { budget } from '../../../common/text/byte-budget';

/** What an editor would bounce the article for, each pointing at its place. */
export function checkArticle(article: Article, photos: Map<string, Photo>): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const add = (
    code: ArticleIssue['code'],
    blockId: string | null = null,
    file: string | null = null,
    detail?: ArticleIssue['detail'],
  ) => issues.push({ code, blockId, file, ...(detail ? { detail } : {}) });
  if (!article.headline.trim()) add('noHeadline');
  if (!article.sapo.trim()) add('noSapo');
  if (!article.byline.trim()) add('noByline');
  const photoBlocks = article.body.filter((b) => b.type !== 'paragraph');
  if (!photoBlocks.length) add('noPhotos');
  for (const b of article.body) {
    if (b.type === 'paragraph') continue;
    const files = b.type === 'photo' ? [b.file] : b.files;
    if (b.type === 'gallery' && !b.caption.trim()) add('emptyGalleryCaption', b.id);
    for (const file of files) {
      const p = photos.get(file);
      if (!p) {
        add('missingPhoto', b.id, file);
        continue;
      }
      const caption = p.caption ?? (b.type === 'gallery' ? b.caption : '');
      if (!caption.trim() && b.type === 'photo') add('photoWithoutCaption', b.id, file);
      const cb = budget('caption', caption);
      if (cb.over) add('captionOverBudget', b.id, file, { used: cb.used, limit: cb.limit });
      if (!p.credit?.trim()) add('noCredit', b.id, file);
      // A screen reader gets the alt text, not the caption: article.html and the desk's CMS need it.
      if (!p.altText?.trim()) add('noAltText', b.id, file);
    }
  }
  return issues;
}
