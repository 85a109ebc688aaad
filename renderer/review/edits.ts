/**
 * The editor's pending work on an opened package, and what of it goes to saveReview: only
 * what differs from the package (an edit typed and undone is no edit), photo order as the
 * core wants it (every photo that stays, once, in reading order).
 */
import type { ClientApi } from '../../electron/contract/api';
import { readingOrder } from '../../common/review/reading-order';

export type OpenedPackage = Awaited<ReturnType<ClientApi['openPackage']>>;
export type Manifest = OpenedPackage['manifest'];
export type ManifestBlock = Manifest['article']['body'][number];
export type ReviewEdits = NonNullable<Parameters<ClientApi['saveReview']>[0]['edits']>;

export interface DraftComment {
  target: string;
  text: string;
}

export interface Draft {
  headline: string | null;
  sapo: string | null;
  /** Paragraph block id → text. */
  paragraphs: Record<string, string>;
  /** Photo id → caption, or gallery block id → shared caption. */
  captions: Record<string, string>;
  /** Photo ids in reading order, dropped ones included (shown struck out, can come back). */
  order: string[];
  dropped: string[];
  comments: DraftComment[];
}

export function emptyDraft(m: Manifest): Draft {
  return {
    headline: null,
    sapo: null,
    paragraphs: {},
    captions: {},
    order: readingOrder(m),
    dropped: [],
    comments: [],
  };
}

const same = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

/** The caption a photo or gallery shows: the draft's, else the package's. */
export function captionOf(m: Manifest, draft: Draft, key: string): string {
  const edited = draft.captions[key];
  if (edited !== undefined) return edited;
  const gallery = m.article.body.find((b) => b.id === key && b.type === 'gallery');
  if (gallery?.type === 'gallery') return gallery.caption;
  return m.photos.find((p) => p.id === key)?.caption ?? '';
}

export function paragraphOf(m: Manifest, draft: Draft, blockId: string): string {
  const edited = draft.paragraphs[blockId];
  if (edited !== undefined) return edited;
  const block = m.article.body.find((b) => b.id === blockId);
  return block?.type === 'paragraph' ? block.text : '';
}

export function collectEdits(m: Manifest, draft: Draft): ReviewEdits {
  const edits: ReviewEdits = {};
  const a = m.article;
  if (draft.headline !== null && !same(draft.headline, a.headline)) edits.headline = draft.headline;
  if (draft.sapo !== null && !same(draft.sapo, a.sapo)) edits.sapo = draft.sapo;
  const paragraphs: Record<string, string> = {};
  for (const [id, text] of Object.entries(draft.paragraphs)) {
    const block = a.body.find((b) => b.id === id);
    if (block?.type === 'paragraph' && !same(block.text, text)) paragraphs[id] = text;
  }
  if (Object.keys(paragraphs).length) edits.paragraphs = paragraphs;
  const dropped = new Set(draft.dropped);
  const captions: Record<string, string> = {};
  for (const [key, text] of Object.entries(draft.captions)) {
    if (dropped.has(key)) continue;
    const empty: Draft = { ...draft, captions: {} };
    if (!same(captionOf(m, empty, key), text)) captions[key] = text;
  }
  if (Object.keys(captions).length) edits.captions = captions;
  if (dropped.size) edits.dropPhotos = readingOrder(m).filter((id) => dropped.has(id));
  const kept = draft.order.filter((id) => !dropped.has(id));
  const before = readingOrder(m).filter((id) => !dropped.has(id));
  if (kept.join(' ') !== before.join(' ')) edits.photoOrder = kept;
  return edits;
}

/** How many things saveReview would change, comments included. */
export function countChanges(edits: ReviewEdits, comments: DraftComment[]): number {
  return (
    (edits.headline !== undefined ? 1 : 0) +
    (edits.sapo !== undefined ? 1 : 0) +
    Object.keys(edits.paragraphs ?? {}).length +
    Object.keys(edits.captions ?? {}).length +
    (edits.dropPhotos?.length ?? 0) +
    (edits.photoOrder ? 1 : 0) +
    comments.length
  );
}

/** Move a photo one place up (-1) or down (+1) in reading order; unchanged at an end. */
export function movePhoto(order: string[], id: string, by: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return order;
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Drag and drop: put `id` where `onto` is. */
export function placePhoto(order: string[], id: string, onto: string): string[] {
  const from = order.indexOf(id);
  const to = order.indexOf(onto);
  if (from < 0 || to < 0 || from === to) return order;
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

export type LaidOutBlock =
  | { type: 'paragraph'; id: string }
  | { type: 'photo'; id: string; photo: string }
  | { type: 'gallery'; id: string; photos: string[] };

/**
 * The body as it will read after the edits: the k-th place a photo appears gets the k-th
 * photo of the new order (the core's rule), dropped photos stay in place to be shown struck.
 */
export function layOut(m: Manifest, order: string[]): LaidOutBlock[] {
  const slots = new Map(readingOrder(m).map((id, i) => [id, order[i] ?? id]));
  return m.article.body.map((b): LaidOutBlock => {
    if (b.type === 'paragraph') return { type: 'paragraph', id: b.id };
    if (b.type === 'photo') return { type: 'photo', id: b.id, photo: slots.get(b.photo)! };
    return { type: 'gallery', id: b.id, photos: b.photos.map((p) => slots.get(p)!) };
  });
}
