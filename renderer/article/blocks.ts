/**
 * Article body operations as pure functions over the block list, so the editor's
 * behaviour (insert, move, merge, split, remove) is tested without a browser.
 * Every function returns a new array and leaves its input untouched; an operation
 * that does not apply returns the input itself, so callers can compare identity.
 */
import type { ArticleBlock } from '../../electron/contract/api';

export type Block = ArticleBlock;
export type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;
export type PhotoBlock = Extract<Block, { type: 'photo' }>;
export type GalleryBlock = Extract<Block, { type: 'gallery' }>;
export type MakeId = () => string;

const clampGap = (body: readonly Block[], gap: number) =>
  Math.max(0, Math.min(body.length, Math.trunc(gap)));

export const indexOfBlock = (body: readonly Block[], id: string) =>
  body.findIndex((b) => b.id === id);

/** Photo files of a block, in order (none for a paragraph). */
export function filesOf(block: Block): string[] {
  if (block.type === 'photo') return [block.file];
  if (block.type === 'gallery') return block.files;
  return [];
}

/** The photos in the order the article shows them, each once (as the package does). */
export function photosInArticleOrder(body: readonly Block[]): string[] {
  const seen = new Set<string>();
  for (const b of body) for (const f of filesOf(b)) seen.add(f);
  return [...seen];
}

/** How many times each photo is used in the body. */
export function photoUses(body: readonly Block[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const b of body) for (const f of filesOf(b)) uses.set(f, (uses.get(f) ?? 0) + 1);
  return uses;
}

/** Insert blocks into the gap before `gap` (0 = top, body.length = end). */
export function insertBlocks(body: readonly Block[], gap: number, blocks: Block[]): Block[] {
  if (!blocks.length) return body as Block[];
  const at = clampGap(body, gap);
  return [...body.slice(0, at), ...blocks, ...body.slice(at)];
}

/** The gap right after a block, or the end when there is no such block. */
export function gapAfter(body: readonly Block[], id: string | null): number {
  const i = id === null ? -1 : indexOfBlock(body, id);
  return i < 0 ? body.length : i + 1;
}

/**
 * Move a block into the gap before `gap`, gaps counted in the current list: dropping
 * a block just above or below itself changes nothing.
 */
export function moveBlockToGap(body: readonly Block[], id: string, gap: number): Block[] {
  const from = indexOfBlock(body, id);
  const g = clampGap(body, gap);
  if (from < 0 || g === from || g === from + 1) return body as Block[];
  const block = body[from]!;
  const rest = body.filter((_, i) => i !== from);
  const to = g > from ? g - 1 : g;
  return [...rest.slice(0, to), block, ...rest.slice(to)];
}

/** Alt+↑ / Alt+↓: swap with the neighbour; at either end nothing moves. */
export function moveBlockBy(body: readonly Block[], id: string, delta: -1 | 1): Block[] {
  const from = indexOfBlock(body, id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= body.length) return body as Block[];
  const next = [...body];
  next[from] = body[to]!;
  next[to] = body[from]!;
  return next;
}

export function removeBlock(body: readonly Block[], id: string): Block[] {
  const i = indexOfBlock(body, id);
  return i < 0 ? (body as Block[]) : body.filter((b) => b.id !== id);
}

export function setParagraphText(body: readonly Block[], id: string, text: string): Block[] {
  const i = indexOfBlock(body, id);
  const b = body[i];
  if (!b || b.type !== 'paragraph' || b.text === text) return body as Block[];
  return body.map((x) => (x.id === id ? { ...b, text } : x));
}

export function setGalleryCaption(body: readonly Block[], id: string, caption: string): Block[] {
  const b = body[indexOfBlock(body, id)];
  if (!b || b.type !== 'gallery' || b.caption === caption) return body as Block[];
  return body.map((x) => (x.id === id ? { ...b, caption } : x));
}

/**
 * Enter in a paragraph: the text after the caret becomes a new paragraph right
 * below (empty when the caret is at the end).
 */
export function splitParagraph(
  body: readonly Block[],
  id: string,
  caret: number,
  newId: string,
): Block[] {
  const i = indexOfBlock(body, id);
  const b = body[i];
  if (!b || b.type !== 'paragraph') return body as Block[];
  const at = Math.max(0, Math.min(b.text.length, caret));
  const head: ParagraphBlock = { ...b, text: b.text.slice(0, at).replace(/\s+$/u, '') };
  const tail: ParagraphBlock = {
    id: newId,
    type: 'paragraph',
    text: b.text.slice(at).replace(/^\s+/u, ''),
  };
  return [...body.slice(0, i), head, tail, ...body.slice(i + 1)];
}

/**
 * Backspace at the start of a paragraph that follows another: the two become one.
 * Returns the body and where the caret goes in the joined paragraph, or null.
 */
export function joinParagraphWithPrevious(
  body: readonly Block[],
  id: string,
): { body: Block[]; into: string; caret: number } | null {
  const i = indexOfBlock(body, id);
  const b = body[i];
  const prev = body[i - 1];
  if (!b || b.type !== 'paragraph' || !prev || prev.type !== 'paragraph') return null;
  const sep = prev.text && b.text && !/\s$/u.test(prev.text) ? ' ' : '';
  const joined: ParagraphBlock = { ...prev, text: prev.text + sep + b.text };
  return {
    body: [...body.slice(0, i - 1), joined, ...body.slice(i + 1)],
    into: prev.id,
    caret: prev.text.length + sep.length,
  };
}

const isPictures = (b: Block | undefined): b is PhotoBlock | GalleryBlock =>
  !!b && (b.type === 'photo' || b.type === 'gallery');

/** The given blocks, in body order, when they are 2+ adjacent photo or gallery blocks. */
function adjacentPictures(body: readonly Block[], ids: readonly string[]): number[] | null {
  const idx = [...new Set(ids)]
    .map((id) => indexOfBlock(body, id))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  if (idx.length < 2 || idx.length !== new Set(ids).size) return null;
  for (let k = 0; k < idx.length; k++) {
    if (!isPictures(body[idx[k]!])) return null;
    if (k > 0 && idx[k]! !== idx[k - 1]! + 1) return null;
  }
  return idx;
}

export function canMerge(body: readonly Block[], ids: readonly string[]): boolean {
  return adjacentPictures(body, ids) !== null;
}

/**
 * "Gộp thành nhóm ảnh": adjacent photo (or gallery) blocks become one gallery where
 * the first was. Each photo keeps its own caption; existing shared captions are kept.
 */
export function mergeIntoGallery(
  body: readonly Block[],
  ids: readonly string[],
  newId: string,
): Block[] {
  const idx = adjacentPictures(body, ids);
  if (!idx) return body as Block[];
  const parts = idx.map((i) => body[i]!);
  const files = [...new Set(parts.flatMap(filesOf))];
  const caption = parts
    .map((b) => (b.type === 'gallery' ? b.caption.trim() : ''))
    .filter(Boolean)
    .join(' ');
  const gallery: GalleryBlock = { id: newId, type: 'gallery', files, caption };
  const first = idx[0]!;
  const last = idx[idx.length - 1]!;
  return [...body.slice(0, first), gallery, ...body.slice(last + 1)];
}

/** "Tách thành ảnh đơn": a gallery becomes one photo block per photo, in place. */
export function splitGallery(body: readonly Block[], id: string, makeId: MakeId): Block[] {
  const i = indexOfBlock(body, id);
  const b = body[i];
  if (!b || b.type !== 'gallery') return body as Block[];
  const photos: PhotoBlock[] = b.files.map((file) => ({ id: makeId(), type: 'photo', file }));
  return [...body.slice(0, i), ...photos, ...body.slice(i + 1)];
}

/** A photo dropped on a gallery joins it (once), at `at` or at the end. */
export function addToGallery(
  body: readonly Block[],
  id: string,
  files: readonly string[],
  at?: number,
): Block[] {
  const b = body[indexOfBlock(body, id)];
  if (!b || b.type !== 'gallery') return body as Block[];
  const add = files.filter((f, k) => !b.files.includes(f) && files.indexOf(f) === k);
  if (!add.length) return body as Block[];
  const pos = at === undefined ? b.files.length : Math.max(0, Math.min(b.files.length, at));
  const next: GalleryBlock = {
    ...b,
    files: [...b.files.slice(0, pos), ...add, ...b.files.slice(pos)],
  };
  return body.map((x) => (x.id === id ? next : x));
}

/** A photo taken out of a gallery; the last one out removes the gallery. */
export function removeFromGallery(body: readonly Block[], id: string, file: string): Block[] {
  const b = body[indexOfBlock(body, id)];
  if (!b || b.type !== 'gallery' || !b.files.includes(file)) return body as Block[];
  const files = b.files.filter((f) => f !== file);
  if (!files.length) return removeBlock(body, id);
  return body.map((x) => (x.id === id ? { ...b, files } : x));
}

export type BlockAction =
  | { type: 'insert'; gap: number; blocks: Block[] }
  | { type: 'moveToGap'; id: string; gap: number }
  | { type: 'moveBy'; id: string; delta: -1 | 1 }
  | { type: 'remove'; id: string }
  | { type: 'setText'; id: string; text: string }
  | { type: 'setGalleryCaption'; id: string; caption: string }
  | { type: 'splitParagraph'; id: string; caret: number; newId: string }
  | { type: 'merge'; ids: string[]; newId: string }
  | { type: 'split'; id: string; newIds: string[] }
  | { type: 'addToGallery'; id: string; files: string[]; at?: number }
  | { type: 'removeFromGallery'; id: string; file: string };

/** The same operations as a reducer, one action at a time. */
export function blocksReducer(body: readonly Block[], action: BlockAction): Block[] {
  switch (action.type) {
    case 'insert':
      return insertBlocks(body, action.gap, action.blocks);
    case 'moveToGap':
      return moveBlockToGap(body, action.id, action.gap);
    case 'moveBy':
      return moveBlockBy(body, action.id, action.delta);
    case 'remove':
      return removeBlock(body, action.id);
    case 'setText':
      return setParagraphText(body, action.id, action.text);
    case 'setGalleryCaption':
      return setGalleryCaption(body, action.id, action.caption);
    case 'splitParagraph':
      return splitParagraph(body, action.id, action.caret, action.newId);
    case 'merge':
      return mergeIntoGallery(body, action.ids, action.newId);
    case 'split': {
      const ids = [...action.newIds];
      let n = 0;
      return splitGallery(body, action.id, () => ids.shift() ?? `${action.id}-${++n}`);
    }
    case 'addToGallery':
      return addToGallery(body, action.id, action.files, action.at);
    case 'removeFromGallery':
      return removeFromGallery(body, action.id, action.file);
  }
}

let counter = 0;

/** A fresh block id (≤ 40 characters, as the contract requires). */
export function newBlockId(): string {
  counter = (counter + 1) % 1296;
  const rand = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `b${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${rand}`;
}
