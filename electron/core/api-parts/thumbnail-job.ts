import { availableParallelism } from 'node:os';
import type { OpenFolder, ThumbReport } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import { ensureThumbnail, thumbKeyOf, thumbMediaPath } from '../folders/photo-tiles';
import { mapPool } from '../util/collections';
import { progressGate } from '../util/rate-limit';
import type { CoreContext } from './core-context';
import { errorInfo, type ErrorInfo } from '../../contract/errors';

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
  const due = progressGate(PROGRESS_EVERY_MS);
  const total = photos.length;
  const progress = (label: string) =>
    ctx.emit({ type: 'progress', job: 'thumbnails', folder: f.info.path, done, total, label });
  progress('');
  await mapPool(photos, Math.max(1, availableParallelism()), async (p) => {
    await ctx.foreground.idle();
    const key = thumbKeyOf(p);
    try {
      if ((await ensureThumbnail(ctx.opts.cacheDir, p, key)).built) {
        report.built++;
        announceThumbnail(ctx, f, p, key);
      } else report.cached++;
    } catch (err) {
      report.failed.push({
        file: p.entry.file,
        error: `${p.entry.file}: ${(err as Error).message}`,
        ...thumbnailErrorInfo(err, p),
      });
    }
    done++;
    if (due(done >= total)) progress(p.entry.file);
  });
  return report;
}

/**
 * Why a photo got no thumbnail: its own code when it is known, else what the decoder
 * says of its format (a JPEG sharp cannot decode is broken).
 */
function thumbnailErrorInfo(err: unknown, p: IndexedPhoto): ErrorInfo {
  const file = p.entry.file;
  const fallback: ErrorInfo =
    p.read.errorInfo ??
    (p.read.format === 'JPEG'
      ? { code: 'jpeg-broken', params: { file } }
      : { code: 'photo-unreadable', params: { file } });
  return errorInfo(err, file, fallback);
}

/** A new thumbnail in the cache: the grid swaps the camera preview for it. */
export function announceThumbnail(
  ctx: CoreContext,
  f: OpenFolder,
  p: IndexedPhoto,
  key = thumbKeyOf(p),
): void {
  ctx.emit({
    type: 'thumbnailReady',
    folder: f.info.path,
    file: p.entry.file,
    thumb: thumbMediaPath(f.key, p, key),
  });
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
