/**
 * CaptionDesk's side of the benchmark, through the same public entry the CLI uses:
 * `createCore(opts).api`. It runs in-process, so Node's own start-up is not counted;
 * the time to load the core's modules is reported separately.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as AppCore from '../electron/core/app-core';
import { benchCore } from './bench-core';
import { timed } from './timing';

export interface OurTimings {
  loadMs: number | null;
  /** Long edge of the core's cached thumbnails, so a reference can be run at the same size. */
  thumbSize: number | null;
  scanMs: number | null;
  openMs: number | null;
  /** Browser/desktop mode: openFolder's answer (the first screen of tiles), then every photo read. */
  openFirstColdMs: number | null;
  openAllColdMs: number | null;
  /** The same folder opened again by a new core: from the index cache. */
  openFirstWarmMs: number | null;
  openAllWarmMs: number | null;
  /** Peak resident memory of this process once the folder was fully open, in MiB. */
  peakRssMiB: number | null;
  thumbsColdMs: number | null;
  /** CPU time of this whole process during the cold build, which the load of others barely changes. */
  thumbsColdCpuMs: number | null;
  thumbsWarmMs: number | null;
  notes: string[];
}

export async function timeCaptionDesk(
  folder: string,
  expected: number,
  tasks: { scan: boolean; index: boolean; thumbs: boolean },
): Promise<OurTimings> {
  const result: OurTimings = {
    loadMs: null,
    thumbSize: null,
    scanMs: null,
    openMs: null,
    openFirstColdMs: null,
    openAllColdMs: null,
    openFirstWarmMs: null,
    openAllWarmMs: null,
    peakRssMiB: null,
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
  const app = benchCore(core, scratch, '');
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
    if (tasks.index) {
      const opening = await timeProgressiveOpen(core, folder, scratch, expected);
      Object.assign(result, opening.timings);
      result.notes.push(...opening.notes);
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

/**
 * Opening as the app does (not the CLI): openFolder answers with the first screen of
 * tiles read and the rest as placeholders, which are read in the background; listPhotos
 * waits for that. Then a second core opens the same folder from the index cache.
 */
async function timeProgressiveOpen(
  core: typeof AppCore,
  folder: string,
  scratch: string,
  expected: number,
): Promise<{ timings: Partial<OurTimings>; notes: string[] }> {
  const notes: string[] = [];
  const make = () => benchCore(core, scratch, 'open-', 'web');
  const run = async () => {
    const app = make();
    // The last placeholder replaced by a photosChanged event: what the grid would see.
    const waiting = new Set<string>();
    // Batches can be announced before openFolder's answer is back.
    const readEarly = new Set<string>();
    let answered = false;
    let allRead: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allRead = resolve));
    const off = app.on((e) => {
      if (e.type !== 'photosChanged') return;
      for (const p of e.photos) {
        if (p.pending) continue;
        if (answered) waiting.delete(p.file);
        else readEarly.add(p.file);
      }
      if (answered && !waiting.size) allRead();
    });
    try {
      const started = performance.now();
      const first = await timed(() => app.api.openFolder({ path: folder }));
      for (const p of first.value.photos)
        if (p.pending && !readEarly.has(p.file)) waiting.add(p.file);
      answered = true;
      if (!waiting.size) allRead();
      await done;
      const allMs = performance.now() - started;
      if (first.value.photos.length !== expected)
        notes.push(`open: ${first.value.photos.length} photos listed, expected ${expected}`);
      return {
        firstMs: first.ms,
        allMs,
        read: first.value.photos.filter((p) => !p.pending).length,
      };
    } finally {
      off();
      await app.close(); // writes the index cache
    }
  };
  const cold = await run();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const warm = await run();
  notes.push(
    `open: the first answer held ${cold.read} photos read (cold) and ${warm.read} (re-open); ` +
      'the rest followed as placeholders, read in the background',
  );
  return {
    timings: {
      openFirstColdMs: cold.firstMs,
      openAllColdMs: cold.allMs,
      openFirstWarmMs: warm.firstMs,
      openAllWarmMs: warm.allMs,
      peakRssMiB,
    },
    notes,
  };
}
