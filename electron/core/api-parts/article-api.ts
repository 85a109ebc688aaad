import { ApiError, type Api, type Photo } from '../../contract/api';
import { ArticleStore, blankArticle } from '../article/article-store';
import { importStructure } from '../article/import-structure';
import { checkArticle } from '../article/article-checks';
import type { OpenFolder } from '../folders/folder-registry';
import type { CoreContext } from './core-context';
import { credentialsIssues } from '../credentials/credentials-issues';

export function photosOf(f: OpenFolder): Map<string, Photo> {
  return new Map([...f.photos.values()].map((p) => [p.entry.file, p.photo]));
}

export function articleApi(
  ctx: CoreContext,
  setOwnCaption: (f: OpenFolder, file: string, text: string) => Promise<unknown>,
): Pick<
  Api,
  | 'listArticles'
  | 'createArticle'
  | 'getArticle'
  | 'saveArticle'
  | 'deleteArticle'
  | 'importArticle'
  | 'articleChecks'
  | 'getPresets'
  | 'savePreset'
> {
  const { folders } = ctx;
  const store = (f: OpenFolder) => new ArticleStore(f.info.stateDir);
  const now = () => new Date().toISOString();

  return {
    async listArticles({ folder }) {
      const f = await folders.require(folder);
      return (await store(f).list()).map((a) => ({
        id: a.id,
        headline: a.headline,
        updatedAt: a.updatedAt,
        blocks: a.body.length,
      }));
    },
    async createArticle({ folder, headline }) {
      const f = await folders.require(folder);
      return store(f).save(blankArticle(ArticleStore.newId(), now(), headline ?? ''));
    },
    async getArticle({ folder, id }) {
      return store(await folders.require(folder)).get(id);
    },
    async saveArticle({ folder, article }) {
      const f = await folders.require(folder);
      return store(f).save({ ...article, updatedAt: now() });
    },
    async deleteArticle({ folder, id }) {
      await store(await folders.require(folder)).remove(id);
      return { id };
    },
    async importArticle({ folder, structure }) {
      const f = await folders.require(folder);
      // Newsroom scripts name camera files as the camera does; match case-insensitively.
      const byLower = new Map([...f.photos.keys()].map((k) => [k.toLowerCase(), k]));
      const imported = importStructure(structure, ArticleStore.newId(), now(), (source) =>
        f.photos.has(source) ? source : (byLower.get(source.toLowerCase()) ?? null),
      );
      for (const c of imported.captions) await setOwnCaption(f, c.file, c.caption);
      return store(f).save(imported.article);
    },
    async articleChecks({ folder, id }) {
      const f = await folders.require(folder);
      const article = await store(f).get(id);
      return [...checkArticle(article, photosOf(f)), ...(await credentialsIssues(ctx, f, article))];
    },
    getPresets: () => ctx.presets.list(),
    async savePreset({ preset }) {
      if (!preset.name.trim()) throw new ApiError('A preset needs a name', 'preset-name-missing');
      return ctx.presets.save(preset);
    },
  };
}
