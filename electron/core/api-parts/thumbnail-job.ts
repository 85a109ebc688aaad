import { availableParallelism } from 'node:os';
import { mediaPath } from '../../api';
import type { OpenFolder, ThumbReport } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import { thumbKeyOf, thumbnailInput } from '../folders/photo-tiles';
import { buildThumbnail, hasThumbnail } from '../images/thumbnail-cache';
import { mapPool } from '../util/collections';
import type { CoreContext } from './core-context';

const PROGRESS_EVERY_MS = 100;

/**
 * Build the cached thumbnails of these photos, with progress and a `thumbnailReady`
 * event per new one: the whole folder once it is open, or only the photos that just
 * arrived (a card still copying).
 */
export async function buildThumbs(
  ctx: CoreContext,
  f: OpenFolder,
  photos: IndexedPhoto[],
): Promise<ThumbReport> {
  const report: ThumbReport = { built: 0, cached: 0, failed: [] };
  let done = 0;
  let lastProgress = 0;
  const total = photos.length;
  const progress = (label: string) =>
    ctx.emit({ type: 'progress', job: 'thumbnails', folder: f.info.path, done, total, label });
  progress('');
  await mapPool(photos, Math.max(1, availableParallelism()), async (p) => {
    await ctx.foreground.idle();
    const key = thumbKeyOf(p);
    try {
      if (await hasThumbnail(ctx.opts.cacheDir, key)) report.cached++;
      else {
        await buildThumbnail(await thumbnailInput(p), ctx.opts.cacheDir, key);
        report.built++;
        ctx.emit({
          type: 'thumbnailReady',
          folder: f.info.path,
          file: p.entry.file,
          thumb: mediaPath('thumb', f.key, p.entry.file, key.slice(0, 12)),
        });
      }
    } catch (err) {
      report.failed.push({
        file: p.entry.file,
        error: `${p.entry.file}: ${(err as Error).message}`,
      });
    }
    done++;
    // A progress bar needs ten updates a second, not one a photo: each one re-renders the
    // window, which takes CPU from the very thumbnails it reports on.
    const now = performance.now();
    if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    progress(p.entry.file);
  });
  return report;
}

/** Thumbnails of new arrivals only, queued behind the previous arrivals' job. */
export function buildArrivalThumbs(ctx: CoreContext, f: OpenFolder, files: string[]): void {
  f.arrivalThumbs = f.arrivalThumbs
    .catch(() => null)
    .then(() => {
      const photos = files.map((file) => f.photos.get(file)).filter((p) => !!p && !p.pending);
      return buildThumbs(ctx, f, photos as IndexedPhoto[]);
    });
}
