import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { mediaPath, type Api, type Details, type Tile } from '../../api';
import { stateLocation } from '../folders/state-dir';
import { indexFolder, type IndexedPhoto } from '../folders/photo-index';
import type { OpenFolder, ThumbReport } from '../folders/folder-registry';
import { loadEvent } from '../captioning/event-store';
import { buildThumbnail, hasThumbnail, thumbnailKey } from '../images/thumbnail-cache';
import { readEmbeddedPreview } from '../images/embedded-preview';
import { formatFromName } from '../formats/detect';
import { mapPool } from '../util/collections';
import type { CoreContext } from './core-context';

const PROGRESS_EVERY_MS = 100;

export function thumbKeyOf(p: IndexedPhoto): string {
  return thumbnailKey(p.path, p.read.bytes, p.read.mtimeMs);
}

/** What sharp decodes for a thumbnail: the file, or a RAW's embedded JPEG preview. */
export async function thumbnailInput(p: IndexedPhoto): Promise<string | Buffer> {
  if (p.read.format === 'CR3') {
    const preview = await readEmbeddedPreview(p.path, p.read.preview);
    if (!preview) throw new Error('the RAW file has no embedded preview');
    return preview;
  }
  if (p.read.format === 'HEIC') throw new Error('HEIC cannot be decoded here (no HEVC decoder)');
  return p.path;
}

export function browseApi(
  ctx: CoreContext,
): Pick<
  Api,
  | 'openFolder'
  | 'openSample'
  | 'listPhotos'
  | 'scan'
  | 'photoDetails'
  | 'buildThumbnails'
  | 'appInfo'
> {
  const { folders, opts } = ctx;

  async function tile(f: OpenFolder, p: IndexedPhoto): Promise<Tile> {
    const key = thumbKeyOf(p);
    let thumb: string | null = null;
    let thumbNeedsRotation = false;
    if (await hasThumbnail(opts.cacheDir, key))
      thumb = mediaPath('thumb', f.key, p.entry.file, key.slice(0, 12));
    else if (p.read.preview) {
      thumb = mediaPath('preview', f.key, p.entry.file, String(p.read.mtimeMs));
      // A RAW's large preview is stored upright; an EXIF thumbnail is stored as the sensor saw it.
      thumbNeedsRotation = p.read.format !== 'CR3';
    }
    const full = p.read.browserDisplayable
      ? mediaPath('full', f.key, p.entry.file, String(p.read.mtimeMs))
      : p.read.preview?.kind === 'range'
        ? mediaPath('preview', f.key, p.entry.file, String(p.read.mtimeMs))
        : null;
    return { ...p.photo, thumb, thumbNeedsRotation, full };
  }

  const tiles = (f: OpenFolder) => Promise.all([...f.photos.values()].map((p) => tile(f, p)));

  async function buildAll(f: OpenFolder): Promise<ThumbReport> {
    const photos = [...f.photos.values()];
    const report: ThumbReport = { built: 0, cached: 0, failed: [] };
    let done = 0;
    let lastProgress = 0;
    const total = photos.length;
    ctx.emit({ type: 'progress', job: 'thumbnails', folder: f.info.path, done, total, label: '' });
    await mapPool(photos, Math.max(1, availableParallelism()), async (p) => {
      const key = thumbKeyOf(p);
      try {
        if (await hasThumbnail(opts.cacheDir, key)) report.cached++;
        else {
          await buildThumbnail(await thumbnailInput(p), opts.cacheDir, key);
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
      ctx.emit({
        type: 'progress',
        job: 'thumbnails',
        folder: f.info.path,
        done,
        total,
        label: p.entry.file,
      });
    });
    return report;
  }

  async function ensureSampleCopy(): Promise<string> {
    // The shipped sample is read-only: the reporter works on a copy in the data folder.
    const target = join(opts.dataDir, 'sample-event');
    await mkdir(target, { recursive: true });
    const have = new Set(await readdir(target));
    for (const name of await readdir(opts.sampleDir)) {
      if (!formatFromName(name) || have.has(name)) continue;
      await cp(join(opts.sampleDir, name), join(target, name));
    }
    return target;
  }

  return {
    async openFolder({ path }) {
      const f = await folders.open(path);
      return { folder: f.info, photos: await tiles(f) };
    },
    async openSample() {
      const f = await folders.open(await ensureSampleCopy(), true);
      return { folder: f.info, photos: await tiles(f) };
    },
    async listPhotos({ folder }) {
      const f = await folders.require(folder);
      await folders.refresh(f);
      return tiles(f);
    },
    async scan({ folder }) {
      const abs = await folders.canonical(folder);
      const loc = await stateLocation(abs, opts.dataDir, opts.isWritable);
      return (await indexFolder(abs, loc.stateDir, await loadEvent(loc.stateDir))).map(
        (p) => p.photo,
      );
    },
    async photoDetails({ folder, file }) {
      const f = await folders.require(folder);
      const p = folders.photo(f, file);
      const r = p.read;
      const d: Details = {
        ...p.photo,
        path: p.path,
        modifiedAt: new Date(r.mtimeMs).toISOString(),
        lens: r.lens,
        exposureTime: r.exposureTime,
        fNumber: r.fNumber,
        iso: r.iso,
        focalLength: r.focalLength,
        sidecar: p.sidecar?.path ?? null,
      };
      return d;
    },
    async buildThumbnails({ folder }) {
      const f = await folders.require(folder);
      // One job per folder: a second caller (a reload) joins the running one.
      f.thumbJob ??= buildAll(f).finally(() => {
        f.thumbJob = null;
      });
      return f.thumbJob;
    },
    async appInfo() {
      return { version: opts.version, mode: opts.mode, startFolder: opts.startFolder ?? null };
    },
  };
}
