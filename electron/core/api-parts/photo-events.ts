import type { OpenFolder } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import { tilesOf } from '../folders/photo-tiles';
import type { ChangeSet } from '../folders/change-batch';
import type { CoreContext } from './core-context';

/** Tell every front about changed photos with their full tile data, in one event. */
export async function announcePhotos(
  ctx: CoreContext,
  f: OpenFolder,
  photos: IndexedPhoto[],
  removed: string[] = [],
): Promise<void> {
  if (!photos.length && !removed.length) return;
  const tiles = await tilesOf(ctx.opts.cacheDir, f.key, photos);
  ctx.emit({ type: 'photosChanged', folder: f.info.path, photos: tiles, removed });
}

/** Announce what one API call changed: each folder's photos as they are now. */
export async function announceChangeSet(ctx: CoreContext, changes: ChangeSet): Promise<void> {
  for (const [path, files] of changes) {
    const f = ctx.folders.opened(path);
    if (!f) continue;
    const photos = [...files].map((file) => f.photos.get(file)).filter((p) => !!p);
    await announcePhotos(ctx, f, photos);
  }
}
