import { z } from 'zod';
import { ApiError, type Article, type ArticleBlock } from '../../contract/api';

/** The shape of shared/examples/…/structure.json: what newsroom scripts hand us. */
const structurePhoto = z
  .object({ source: z.string(), caption: z.string().optional() })
  .passthrough();
export const structureSchema = z
  .object({
    headline: z.string(),
    sapo: z.string().default(''),
    byline: z.string().optional(),
    authorInitials: z.string().optional(),
    category: z.string().optional(),
    tags: z.array(z.string()).optional(),
    outlet: z.string().optional(),
    date: z.string().optional(),
    place: z
      .object({ city: z.string().optional(), province: z.string().optional() })
      .passthrough()
      .optional(),
    body: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('paragraph'), text: z.string() }).passthrough(),
        structurePhoto.extend({ type: z.literal('photo') }),
        z
          .object({
            type: z.literal('gallery'),
            photos: z.array(structurePhoto).min(1),
            caption: z.string(),
          })
          .passthrough(),
      ]),
    ),
  })
  .passthrough();

export interface ImportedArticle {
  article: Article;
  /** Captions to give the photos themselves (one truth per photo). */
  captions: { file: string; caption: string }[];
  outlet: string | null;
}

const nfc = (s: string) => s.normalize('NFC');

export function importStructure(
  json: unknown,
  id: string,
  now: string,
  resolveFile: (source: string) => string | null,
): ImportedArticle {
  const parsed = structureSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ApiError(
      `The article JSON does not fit the structure.json shape: ${i?.path.join('.') || 'root'}: ${i?.message}`,
      'structure-invalid',
    );
  }
  const s = parsed.data;
  const captions: { file: string; caption: string }[] = [];
  const file = (source: string) => {
    const f = resolveFile(nfc(source));
    if (!f)
      throw new ApiError(
        `The article refers to ${source}, which is not a photo in this folder`,
        'package-photo-missing',
        { file: source },
      );
    return f;
  };
  const body: ArticleBlock[] = s.body.map((b, i) => {
    const blockId = `b${i + 1}`;
    if (b.type === 'paragraph') return { id: blockId, type: 'paragraph', text: nfc(b.text) };
    if (b.type === 'photo') {
      const f = file(b.source);
      if (b.caption !== undefined) captions.push({ file: f, caption: nfc(b.caption) });
      return { id: blockId, type: 'photo', file: f };
    }
    const files = b.photos.map((p) => {
      const f = file(p.source);
      if (p.caption !== undefined) captions.push({ file: f, caption: nfc(p.caption) });
      return f;
    });
    return { id: blockId, type: 'gallery', files, caption: nfc(b.caption) };
  });
  const place = s.place?.city ?? s.place?.province ?? '';
  return {
    article: {
      id,
      headline: nfc(s.headline),
      sapo: nfc(s.sapo),
      byline: nfc(s.byline ?? ''),
      authorInitials: nfc(s.authorInitials ?? ''),
      category: nfc(s.category ?? ''),
      tags: (s.tags ?? []).map(nfc),
      dateline: { place: nfc(place), date: s.date ?? now.slice(0, 10) },
      body,
      createdAt: now,
      updatedAt: now,
    },
    captions,
    outlet: s.outlet ?? null,
  };
}
