import { createHash } from 'node:crypto';
import type { Article } from '../../contract/api';
import {
  MANIFEST_SCHEMA_ID,
  MANIFEST_SCHEMA_VERSION,
  type Manifest,
  type ManifestBlock,
  type ManifestPhoto,
} from '../../contract/package-manifest';

/** Photos in the order the article shows them, each once. */
export function photosInArticleOrder(article: Article): string[] {
  const seen = new Set<string>();
  for (const b of article.body) {
    if (b.type === 'photo') seen.add(b.file);
    else if (b.type === 'gallery') b.files.forEach((f) => seen.add(f));
  }
  return [...seen];
}

/** Stable across rebuilds of the same article, so the newsroom can tell versions apart. */
export function packageIdFor(outlet: string, article: Article): string {
  const h = createHash('sha256')
    .update(`${outlet}\0${article.id}\0${article.createdAt}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ManifestInput {
  article: Article;
  outlet: string;
  initials: string;
  appVersion: string;
  /** Source file → manifest photo (without id). */
  photos: Map<string, Omit<ManifestPhoto, 'id'>>;
  version?: number;
  history?: Manifest['history'];
  comments?: Manifest['comments'];
}

export function buildManifest(input: ManifestInput): Manifest {
  const { article } = input;
  const order = photosInArticleOrder(article);
  const idOf = new Map(order.map((f, i) => [f, `p${i + 1}`]));
  const body: ManifestBlock[] = article.body.map((b) => {
    if (b.type === 'paragraph') return { type: 'paragraph', id: b.id, text: b.text };
    if (b.type === 'photo')
      return {
        type: 'photo',
        id: b.id,
        photo: idOf.get(b.file)!,
        caption: input.photos.get(b.file)!.caption,
      };
    return {
      type: 'gallery',
      id: b.id,
      photos: b.files.map((f) => idOf.get(f)!),
      caption: b.caption,
    };
  });
  return {
    $schema: MANIFEST_SCHEMA_ID,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    packageId: packageIdFor(input.outlet, article),
    version: input.version ?? 1,
    // The article's own time, not the clock: the same inputs must give the same bytes.
    createdAt: article.updatedAt,
    app: { name: 'CaptionDesk', version: input.appVersion },
    author: { name: article.byline, initials: input.initials },
    outlet: input.outlet,
    article: {
      id: article.id,
      headline: article.headline,
      sapo: article.sapo,
      byline: article.byline,
      authorInitials: article.authorInitials || input.initials,
      category: article.category,
      tags: article.tags,
      dateline: article.dateline,
      body,
    },
    photos: order.map((f) => ({ id: idOf.get(f)!, ...input.photos.get(f)! })),
    files: [],
    history: input.history ?? [
      {
        version: 1,
        at: article.updatedAt,
        by: article.byline,
        role: 'reporter',
        decision: 'submitted',
        note: null,
        previousManifestSha256: null,
        changes: [],
      },
    ],
    comments: input.comments ?? [],
  };
}
