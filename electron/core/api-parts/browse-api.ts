import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Api, Details } from '../../contract/api';
import { stateLocation } from '../folders/state-dir';
import { indexFolder } from '../folders/photo-index';
import type { OpenFolder, ThumbReport } from '../folders/folder-registry';
import { tilesOf } from '../folders/photo-tiles';
import { loadEvent } from '../captioning/event-store';
import { formatFromName } from '../formats/detect';
import type { CoreContext } from './core-context';
import { buildThumbs } from './thumbnail-job';

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

  const tiles = (f: OpenFolder) => tilesOf(opts.cacheDir, f.key, f.photos.values());

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
      // An explicit re-list compares every file's size and time; only changed ones are read.
      await folders.update(f, null);
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
      const f = await folders.require(folder, [file]);
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
      if (!f.thumbJob) {
        const job: Promise<ThumbReport> = buildThumbs(ctx, f, [...f.photos.values()]).finally(
          () => {
            if (f.thumbJob === job) f.thumbJob = null;
          },
        );
        f.thumbJob = job;
      }
      return f.thumbJob;
    },
    async appInfo() {
      return { version: opts.version, mode: opts.mode, startFolder: opts.startFolder ?? null };
    },
  };
}
