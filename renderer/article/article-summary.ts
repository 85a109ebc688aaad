import type { Article } from '../../electron/contract/api';
import { isString, readStored, writeStored } from '../ui/storage';
import type { ArticleSummary } from './ArticleList';

export const summaryOf = (a: Article): ArticleSummary => ({
  id: a.id,
  headline: a.headline,
  updatedAt: a.updatedAt,
  blocks: a.body.length,
});

export const byNewest = (list: ArticleSummary[]) =>
  [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

/** The article last open in a folder comes back when the folder does. */
const lastKey = (folder: string) => `captiondesk.article:${folder}`;

export const readLastOpen = (folder: string) => readStored(lastKey(folder), '', isString);
export const rememberLastOpen = (folder: string, id: string) => writeStored(lastKey(folder), id);

const DEFAULTS_KEY = 'captiondesk.articleDefaults';

/** A reporter signs every article the same way: a new one starts with the last signature. */
export interface ArticleDefaults {
  byline: string;
  authorInitials: string;
}

const isDefaults = (v: unknown): v is ArticleDefaults =>
  !!v &&
  typeof (v as ArticleDefaults).byline === 'string' &&
  typeof (v as ArticleDefaults).authorInitials === 'string';

export const readDefaults = () =>
  readStored(DEFAULTS_KEY, { byline: '', authorInitials: '' }, isDefaults);

export function rememberDefaults(saved: Article): void {
  if (saved.byline.trim() || saved.authorInitials.trim())
    writeStored(DEFAULTS_KEY, { byline: saved.byline, authorInitials: saved.authorInitials });
}
