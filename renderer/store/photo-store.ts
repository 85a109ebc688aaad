import type { Photo, Tile } from '../../electron/contract/api';

/**
 * The open folder's photos, as the grid shows them: the ordered list plus where each
 * file sits in it. Fed by the open result, `photosChanged` and `thumbnailReady`; an
 * update costs work in proportion to the photos it changes (plus one array copy, so
 * React sees a new list), never a re-list or a pass over every tile's data.
 */
export interface PhotoState {
  folder: string | null;
  /** Sorted by file name, like the core's listings. */
  tiles: Tile[];
  /** file → index in `tiles`. */
  index: ReadonlyMap<string, number>;
}

export const EMPTY: PhotoState = { folder: null, tiles: [], index: new Map() };

const byName = (a: { file: string }, b: { file: string }) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

function indexOf(tiles: Tile[]): Map<string, number> {
  return new Map(tiles.map((t, i) => [t.file, i]));
}

export function opened(folder: string, tiles: Tile[]): PhotoState {
  return { folder, tiles, index: indexOf(tiles) };
}

/**
 * A changed photo replaces its tile. A bare Photo (a write's result) keeps the tile's
 * picture fields; a full Tile brings its own, except that a thumbnail already built
 * is not traded back for the camera preview of the same file version (a late event
 * built before the thumbnail existed).
 */
function merge(old: Tile | undefined, next: Photo | Tile): Tile {
  if (!old) return { thumb: null, thumbNeedsRotation: false, full: null, ...next } as Tile;
  const t: Tile = { ...old, ...next };
  // Any data from the core but a placeholder means the photo has been read.
  if (!(next as Partial<Tile>).pending) delete t.pending;
  const keepThumb =
    old.thumb?.startsWith('media/thumb/') &&
    t.thumb?.startsWith('media/preview/') &&
    old.full === t.full;
  return keepThumb ? { ...t, thumb: old.thumb, thumbNeedsRotation: false } : t;
}

/** Apply changed and removed photos of `folder`; other folders' news is ignored. */
export function applyChanges(
  s: PhotoState,
  folder: string,
  photos: readonly (Photo | Tile)[],
  removed: readonly string[] = [],
): PhotoState {
  if (s.folder !== folder || (!photos.length && !removed.length)) return s;
  const arrivals = photos.filter((p) => !s.index.has(p.file));
  const gone = removed.filter((f) => s.index.has(f));
  if (!arrivals.length && !gone.length) {
    // The common case (a save, a batch of marks, the background read): same files, same places.
    const tiles = s.tiles.slice();
    for (const p of photos) {
      const i = s.index.get(p.file)!;
      tiles[i] = merge(tiles[i], p);
    }
    return { ...s, tiles };
  }
  const drop = new Set(gone);
  const changed = new Map(photos.map((p) => [p.file, p]));
  const tiles = s.tiles
    .filter((t) => !drop.has(t.file))
    .map((t) => {
      const p = changed.get(t.file);
      return p ? merge(t, p) : t;
    });
  for (const p of arrivals) if (!drop.has(p.file)) tiles.push(merge(undefined, p));
  tiles.sort(byName);
  return { ...s, tiles, index: indexOf(tiles) };
}

/** Thumbnails that finished building: only the picture of those tiles changes. */
export function applyThumbs(
  s: PhotoState,
  folder: string,
  thumbs: ReadonlyMap<string, string>,
): PhotoState {
  if (s.folder !== folder || !thumbs.size) return s;
  let tiles: Tile[] | null = null;
  for (const [file, thumb] of thumbs) {
    const i = s.index.get(file);
    if (i === undefined) continue;
    tiles ??= s.tiles.slice();
    tiles[i] = { ...tiles[i]!, thumb, thumbNeedsRotation: false };
  }
  return tiles ? { ...s, tiles } : s;
}
