/**
 * An editor's changes to the text and photo order of a package, applied to a copy of its
 * manifest. Photo ids stay with their photos (comments point at them), so a moved photo
 * keeps its id and a dropped one leaves a gap.
 */
import { ApiError } from '../../contract/api';
import type { Manifest, ManifestBlock } from '../../contract/package-manifest';
import { readingOrder } from '../../../common/review/reading-order';

export interface ReviewEdits {
  headline?: string;
  sapo?: string;
  /** Paragraph block id → new text. */
  paragraphs?: Record<string, string>;
  /** Photo id (p3), photo block id, or gallery block id → new caption. */
  captions?: Record<string, string>;
  /** Photo ids in their new reading order: every photo that stays, each once. */
  photoOrder?: string[];
  dropPhotos?: string[];
}

const bad = (message: string) => new ApiError(message, 'review-edit-invalid');

export function applyEdits(source: Manifest, edits: ReviewEdits): Manifest {
  const m = structuredClone(source);
  const a = m.article;
  if (edits.headline !== undefined) a.headline = edits.headline.normalize('NFC');
  if (edits.sapo !== undefined) a.sapo = edits.sapo.normalize('NFC');
  for (const [id, text] of Object.entries(edits.paragraphs ?? {})) {
    const block = a.body.find((b) => b.id === id);
    if (block?.type !== 'paragraph') throw bad(`${id}: no paragraph with this id`);
    block.text = text.normalize('NFC');
  }
  for (const [key, text] of Object.entries(edits.captions ?? {}))
    setCaption(m, key, text.normalize('NFC'));
  if (edits.dropPhotos?.length) drop(m, new Set(edits.dropPhotos));
  if (edits.photoOrder) reorder(m, edits.photoOrder);
  return m;
}

function setCaption(m: Manifest, key: string, text: string): void {
  const block = m.article.body.find((b) => b.id === key);
  if (block?.type === 'gallery') {
    const old = block.caption;
    block.caption = text;
    // Gallery photos without a caption of their own carry the gallery's in their files.
    for (const p of m.photos)
      if (block.photos.includes(p.id) && p.caption === old) p.caption = text;
    return;
  }
  const photoId = block?.type === 'photo' ? block.photo : key;
  const photo = m.photos.find((p) => p.id === photoId);
  if (!photo) throw bad(`${key}: no photo, photo block or gallery with this id`);
  photo.caption = text;
  for (const b of m.article.body) if (b.type === 'photo' && b.photo === photoId) b.caption = text;
}

function drop(m: Manifest, ids: Set<string>): void {
  for (const id of ids)
    if (!m.photos.some((p) => p.id === id)) throw bad(`${id}: no photo with this id to drop`);
  m.photos = m.photos.filter((p) => !ids.has(p.id));
  m.article.body = m.article.body.flatMap((b): ManifestBlock[] => {
    if (b.type === 'photo') return ids.has(b.photo) ? [] : [b];
    if (b.type === 'gallery') {
      const photos = b.photos.filter((p) => !ids.has(p));
      return photos.length ? [{ ...b, photos }] : [];
    }
    return [b];
  });
}

/** The k-th place a photo appears in the article gets the k-th photo of the new order. */
function reorder(m: Manifest, order: string[]): void {
  const current = readingOrder(m);
  const uses = m.article.body.flatMap((b) =>
    b.type === 'photo' ? [b.photo] : b.type === 'gallery' ? b.photos : [],
  );
  if (uses.length !== current.length)
    throw bad('photos used more than once in the article cannot be reordered');
  const sorted = (x: string[]) => [...x].sort().join(' ');
  if (order.length !== current.length || sorted(order) !== sorted(current))
    throw bad(`photoOrder must list each photo of the article once: ${current.join(' ')}`);
  const next = new Map(current.map((id, i) => [id, order[i]!]));
  const byId = new Map(m.photos.map((p) => [p.id, p]));
  for (const b of m.article.body) {
    if (b.type === 'photo') {
      b.photo = next.get(b.photo)!;
      b.caption = byId.get(b.photo)!.caption;
    } else if (b.type === 'gallery') b.photos = b.photos.map((p) => next.get(p)!);
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  m.photos.sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0));
}
