import type { Api } from '../../contract/api';
import type { OpenFolder } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import { FolderAnalysis } from '../analysis/folder-analysis';
import { ensureThumbnail, thumbKeyOf } from '../folders/photo-tiles';
import { announceThumbnail } from './thumbnail-job';
import type { CoreContext } from './core-context';

/** Assisted culling and per-camera clock fixes; the work is in ../analysis. */
export function cullApi(
  ctx: CoreContext,
): Pick<Api, 'analyzeFolder' | 'getAnalysis' | 'getClockOffsets' | 'setClockOffsets'> {
  const { folders, opts } = ctx;
  const analyses = new Map<OpenFolder, FolderAnalysis>();
  // Every batch looks up every photo's key; a re-read photo is a new object, so a new key.
  const keys = new WeakMap<IndexedPhoto, string>();
  const keyOf = (p: IndexedPhoto) => {
    let k = keys.get(p);
    if (!k) keys.set(p, (k = thumbKeyOf(p)));
    return k;
  };
  ctx.onClose(async () => {
    await Promise.all([...analyses.values()].map((a) => a.stop()));
  });

  async function thumbnail(f: OpenFolder, p: IndexedPhoto): Promise<string> {
    const key = keyOf(p);
    // The same cache the grid uses, so the grid gets this thumbnail too.
    const { path, built } = await ensureThumbnail(opts.cacheDir, p, key);
    if (built) announceThumbnail(ctx, f, p, key);
    return path;
  }

  async function analysisOf(folder: string): Promise<FolderAnalysis> {
    const f = await folders.require(folder);
    let a = analyses.get(f);
    if (!a) {
      a = new FolderAnalysis(f, {
        cacheDir: opts.cacheDir,
        emit: ctx.emit,
        thumbKey: keyOf,
        thumbnail: (p) => thumbnail(f, p),
        idle: () => ctx.foreground.idle(),
      });
      analyses.set(f, a);
    }
    return a;
  }

  return {
    analyzeFolder: async ({ folder }) => (await analysisOf(folder)).analyze(),
    getAnalysis: async ({ folder }) => (await analysisOf(folder)).snapshot(),
    getClockOffsets: async ({ folder }) => (await analysisOf(folder)).clockOffsets(),
    setClockOffsets: async ({ folder, offsets }) =>
      (await analysisOf(folder)).setClockOffsets(offsets),
  };
}
