/**
 * CaptionDesk's side of the benchmark, through the same public entry the CLI uses:
 * `createCore(opts).api`. It runs in-process, so Node's own start-up is not counted;
 * the time to load the core's modules is reported separately.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as AppCore from '../electron/core/app-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface OurTimings {
  loadMs: number | null;
  /** Long edge of the core's cached thumbnails, so a reference can be run at the same size. */
  thumbSize: number | null;
  scanMs: number | null;
  openMs: number | null;
  thumbsColdMs: number | null;
  /** CPU time of this whole process during the cold build, which the load of others barely changes. */
  thumbsColdCpuMs: number | null;
  thumbsWarmMs: number | null;
  notes: string[];
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function timeCaptionDesk(
  folder: string,
  expected: number,
  tasks: { scan: boolean; thumbs: boolean },
): Promise<OurTimings> {
  const result: OurTimings = {
    loadMs: null,
    thumbSize: null,
    scanMs: null,
    openMs: null,
    thumbsColdMs: null,
    thumbsColdCpuMs: null,
    thumbsWarmMs: null,
    notes: [],
  };

  // Imported here, not at the top, so the reference timings still run while the core is
  // being written or is broken.
  let core: typeof AppCore;
  try {
    const loaded = await timed(() => import('../electron/core/app-core'));
    core = loaded.value;
    result.loadMs = loaded.ms;
  } catch (err) {
    result.notes.push(`CaptionDesk core not loaded (electron/core/app-core.ts): ${String(err)}`);
    return result;
  }
  // An internal constant, not the public API: if it moves, the bench only loses that row.
  result.thumbSize = await import('../electron/core/images/thumbnail-cache').then(
    (m) => m.THUMB_SIZE,
    () => null,
  );

  // Fresh data and cache folders: the first thumbnail build must start from nothing.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-bench-core-'));
  const app = core.createCore({
    dataDir: path.join(scratch, 'data'),
    cacheDir: path.join(scratch, 'cache'),
    sampleDir: path.join(repoRoot, 'assets', 'sample-event'),
    // The CLI's mode: no folder watcher running alongside the timings.
    mode: 'cli',
    version: 'bench',
  });
  try {
    if (tasks.scan) {
      const scan = await timed(() => app.api.scan({ folder }));
      result.scanMs = scan.ms;
      const withCamera = scan.value.filter((p) => p.make && p.model && p.capturedAt).length;
      const failed = scan.value.filter((p) => p.error).length;
      if (scan.value.length !== expected || withCamera !== expected || failed > 0) {
        result.notes.push(
          `scan: ${scan.value.length} photos, ${withCamera} with make/model/date, ` +
            `${failed} with errors (expected ${expected} clean photos)`,
        );
      }
    }
    if (tasks.thumbs) {
      // Opening indexes the folder again; timed on its own so the builds measure thumbnails.
      result.openMs = (await timed(() => app.api.openFolder({ path: folder }))).ms;
      const cpu = process.cpuUsage();
      const cold = await timed(() => app.api.buildThumbnails({ folder }));
      const used = process.cpuUsage(cpu);
      result.thumbsColdMs = cold.ms;
      result.thumbsColdCpuMs = (used.user + used.system) / 1000;
      const warm = await timed(() => app.api.buildThumbnails({ folder }));
      result.thumbsWarmMs = warm.ms;
      if (cold.value.built !== expected || cold.value.failed.length > 0) {
        result.notes.push(
          `cold thumbnails: built ${cold.value.built}, failed ${cold.value.failed.length}` +
            ` (expected ${expected} built)`,
        );
      }
      if (warm.value.cached !== expected) {
        result.notes.push(`warm thumbnails: ${warm.value.cached} cached (expected ${expected})`);
      }
    }
  } catch (err) {
    result.notes.push(`CaptionDesk failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await app.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}
