import { FAILING_STATES } from '../../../common/credentials/verdict';
import type { Article, ArticleIssue } from '../../contract/api';
import type { CoreContext } from '../api-parts/core-context';
import type { OpenFolder } from '../folders/folder-registry';

/**
 * Before packaging: the article's photos whose own Content Credentials do not hold. Only
 * photos that carry a manifest are looked at, and the answers are the grid's, cached.
 */
export async function credentialsIssues(
  ctx: CoreContext,
  f: OpenFolder,
  article: Article,
): Promise<ArticleIssue[]> {
  const trust = await ctx.credentials.trust.load();
  const issues: ArticleIssue[] = [];
  for (const b of article.body) {
    if (b.type === 'paragraph') continue;
    for (const file of b.type === 'photo' ? [b.file] : b.files) {
      const p = f.photos.get(file);
      if (!p?.photo.credentials) continue;
      const c = await ctx.credentials.cache.inspect(p.path, trust, true);
      if (FAILING_STATES.has(c.state))
        issues.push({ code: 'credentialsBroken', blockId: b.id, file, detail: { state: c.state } });
    }
  }
  return issues;
}
