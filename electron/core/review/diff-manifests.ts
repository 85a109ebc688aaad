/**
 * What changed between two versions of a package, as the editor and the reporter read it:
 * text at word level, photos matched by their source file's checksum (ids and export names
 * may change between versions; the camera file does not).
 */
import type { Manifest, ManifestBlock, ManifestPhoto } from '../../contract/package-manifest';
import { readingOrder } from '../../../common/review/reading-order';
import { diffWords, isUnchanged, type DiffPart } from './word-diff';

export type ChangeStatus = 'changed' | 'added' | 'removed';

export interface BlockChange {
  blockId: string;
  status: ChangeStatus;
  diff: DiffPart[];
}

export interface CaptionChange {
  /** The photo's id in the newer version. */
  photoId: string;
  sourceFile: string;
  diff: DiffPart[];
}

export interface PhotoRef {
  id: string;
  sourceFile: string;
}

export interface ManifestDiff {
  headline: DiffPart[] | null;
  sapo: DiffPart[] | null;
  paragraphs: BlockChange[];
  galleryCaptions: BlockChange[];
  captions: CaptionChange[];
  photos: {
    added: PhotoRef[];
    removed: PhotoRef[];
    reordered: boolean;
    /** Source files in reading order, before and after. */
    before: string[];
    after: string[];
  };
  history: Manifest['history'];
  comments: Manifest['comments'];
}

function textChange(a: string, b: string): DiffPart[] | null {
  const d = diffWords(a, b);
  return isUnchanged(d) ? null : d;
}

/** Identity of a photo across versions: its source checksum (a second export of it gets its id too). */
function keyed(m: Manifest): Map<string, ManifestPhoto> {
  const out = new Map<string, ManifestPhoto>();
  for (const p of m.photos) {
    const key = out.has(p.source.sha256) ? `${p.source.sha256}:${p.id}` : p.source.sha256;
    out.set(key, p);
  }
  return out;
}

function blockChanges(
  a: Manifest,
  b: Manifest,
  pick: (blk: ManifestBlock) => string | null,
): BlockChange[] {
  const before = new Map<string, string>();
  for (const blk of a.article.body) {
    const t = pick(blk);
    if (t !== null) before.set(blk.id, t);
  }
  const out: BlockChange[] = [];
  const seen = new Set<string>();
  for (const blk of b.article.body) {
    const t = pick(blk);
    if (t === null) continue;
    seen.add(blk.id);
    const old = before.get(blk.id);
    if (old === undefined) out.push({ blockId: blk.id, status: 'added', diff: diffWords('', t) });
    else {
      const d = textChange(old, t);
      if (d) out.push({ blockId: blk.id, status: 'changed', diff: d });
    }
  }
  for (const [id, t] of before)
    if (!seen.has(id)) out.push({ blockId: id, status: 'removed', diff: diffWords(t, '') });
  return out;
}

export function diffManifests(a: Manifest, b: Manifest): ManifestDiff {
  const pa = keyed(a);
  const pb = keyed(b);
  const keyOf = (m: Map<string, ManifestPhoto>) =>
    new Map([...m].map(([k, p]) => [p.id, k] as const));
  const ka = keyOf(pa);
  const kb = keyOf(pb);
  const ref = (p: ManifestPhoto): PhotoRef => ({ id: p.id, sourceFile: p.source.file });

  const captions: CaptionChange[] = [];
  for (const [key, p] of pb) {
    const old = pa.get(key);
    const d = old ? textChange(old.caption, p.caption) : null;
    if (d) captions.push({ photoId: p.id, sourceFile: p.source.file, diff: d });
  }
  const orderA = readingOrder(a).map((id) => ka.get(id)!);
  const orderB = readingOrder(b).map((id) => kb.get(id)!);
  const common = new Set(orderA.filter((k) => pb.has(k)));
  const keptA = orderA.filter((k) => common.has(k));
  const keptB = orderB.filter((k) => common.has(k));
  const seenVersions = new Set(a.history.map((h) => h.version));
  const seenComments = new Set(a.comments.map((c) => c.id));
  return {
    headline: textChange(a.article.headline, b.article.headline),
    sapo: textChange(a.article.sapo, b.article.sapo),
    paragraphs: blockChanges(a, b, (blk) => (blk.type === 'paragraph' ? blk.text : null)),
    galleryCaptions: blockChanges(a, b, (blk) => (blk.type === 'gallery' ? blk.caption : null)),
    captions,
    photos: {
      added: [...pb].filter(([k]) => !pa.has(k)).map(([, p]) => ref(p)),
      removed: [...pa].filter(([k]) => !pb.has(k)).map(([, p]) => ref(p)),
      reordered: keptA.some((k, i) => keptB[i] !== k),
      before: orderA.map((k) => pa.get(k)!.source.file),
      after: orderB.map((k) => pb.get(k)!.source.file),
    },
    history: b.history.filter((h) => !seenVersions.has(h.version)),
    comments: b.comments.filter((c) => !seenComments.has(c.id)),
  };
}

/** One line per change, for the history entry of the version that makes them. */
export function summarize(d: ManifestDiff): string[] {
  const out: string[] = [];
  if (d.headline) out.push('Headline edited');
  if (d.sapo) out.push('Sapo edited');
  for (const p of d.paragraphs) out.push(`Paragraph ${p.blockId} ${statusWord(p.status)}`);
  for (const g of d.galleryCaptions)
    out.push(`Gallery ${g.blockId} caption ${statusWord(g.status)}`);
  for (const c of d.captions) out.push(`Caption of ${c.photoId} (${c.sourceFile}) edited`);
  for (const p of d.photos.added) out.push(`Photo ${p.id} (${p.sourceFile}) added`);
  for (const p of d.photos.removed) out.push(`Photo ${p.id} (${p.sourceFile}) dropped`);
  if (d.photos.reordered) out.push('Photos reordered');
  return out;
}

function statusWord(s: ChangeStatus): string {
  return s === 'changed' ? 'edited' : s;
}
