/** Articles: headline, sapo, body blocks, and what is missing before packaging. */
import { z } from 'zod';

import { fileName, folderPath, inFolder, method, reads, text } from './kit';

/** An article body block. Photos are referred to by their source file name in the folder. */
export const articleBlockSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string().min(1).max(40), type: z.literal('paragraph'), text: text(100000) }),
  z.object({ id: z.string().min(1).max(40), type: z.literal('photo'), file: fileName }),
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal('gallery'),
    files: z.array(fileName).min(1),
    caption: text(),
  }),
]);
export type ArticleBlock = z.output<typeof articleBlockSchema>;

export const articleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  headline: text(1000),
  sapo: text(5000),
  byline: text(200),
  authorInitials: text(20),
  category: text(200),
  /** The site's tags (WordPress); articles saved before tags existed have none. */
  tags: z.array(text(100)).max(30).default([]),
  dateline: z.object({ place: text(200), date: text(40) }),
  body: z.array(articleBlockSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.output<typeof articleSchema>;

export const articleIssueSchema = z.object({
  code: z.enum([
    'noHeadline',
    'noSapo',
    'noByline',
    'noPhotos',
    'photoWithoutCaption',
    'captionOverBudget',
    'noCredit',
    'noAltText',
    /** The original's Content Credentials do not hold (detail.state: broken, revoked, expired). */
    'credentialsBroken',
    'missingPhoto',
    'emptyGalleryCaption',
  ]),
  blockId: z.string().nullable(),
  file: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ArticleIssue = z.output<typeof articleIssueSchema>;

export const articleContract = {
  listArticles: method(
    z.object({ folder: folderPath }),
    z.array(
      z.object({ id: z.string(), headline: z.string(), updatedAt: z.string(), blocks: z.number() }),
    ),
    "The folder's articles.",
    reads,
  ),
  createArticle: method(
    z.object({ folder: folderPath, headline: text(1000).optional() }),
    articleSchema,
    'Start a new article in the folder.',
    { writes: 'article', key: inFolder },
  ),
  getArticle: method(
    z.object({ folder: folderPath, id: z.string() }),
    articleSchema,
    'One article.',
    reads,
  ),
  saveArticle: method(
    z.object({ folder: folderPath, article: articleSchema }),
    articleSchema,
    'Save an article with its folder, atomically.',
    { writes: 'article', key: (a) => `${a.folder}\0${a.article.id}` },
  ),
  deleteArticle: method(
    z.object({ folder: folderPath, id: z.string() }),
    z.object({ id: z.string() }),
    'Delete an article.',
    { writes: 'article', key: (a) => `${a.folder}\0${a.id}` },
  ),
  importArticle: method(
    z.object({ folder: folderPath, structure: z.unknown() }),
    articleSchema,
    'Create an article from JSON in the shape of structure.json; photo captions go to the photos.',
    { writes: 'folder', key: inFolder },
  ),
  articleChecks: method(
    z.object({ folder: folderPath, id: z.string() }),
    z.array(articleIssueSchema),
    'What is missing before the article can be packaged, each with its place.',
    reads,
  ),
} as const;
