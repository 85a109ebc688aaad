import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ApiEvent } from '../../contract/api';
import { cameraKey, type PhotoAnalysis } from '../../contract/cull';
import type { OpenFolder } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import { mapPool } from '../util/collections';
import { folderVerdicts, type PhotoRecord } from './folder-verdicts';
import { readCachedMetrics, writeCachedMetrics } from './metrics-cache';
import { measurePhoto, type PhotoMetrics } from './photo-metrics';
import { Batcher } from './batcher';
import { loadClockOffsets, saveClockOffsets } from './clock-offsets';
import type { ClockOffsets } from './stacks';

export interface AnalysisReport {
  analyzed: number;
  cached: number;
  failed: number;
}

export interface AnalysisDeps {
  cacheDir: string;
  emit(event: ApiEvent): void;
  /** The photo's thumbnail cache key (changes when the original changes). */
  thumbKey(p: IndexedPhoto): string;
  /** The cached thumbnail (its path), built first when missing. */
  thumbnail(p: IndexedPhoto): Promise<string | Buffer>;
  /** Resolves when no picture a person waits for is being served (see ForegroundGate). */
  idle?: () => Promise<void>;
}

interface Known {
  key: string;
  metrics: PhotoMetrics | null;
  error: string | null;
}

/**
 * The assisted culling of one open folder: per-photo numbers (from the cache or measured
 * on the thumbnail), the clock offsets, and the one background job that fills them in.
 */
export class FolderAnalysis {
  private readonly known = new Map<string, Known>();
  private job: Promise<AnalysisReport> | null = null;
  private offsets: Record<string, number> | null = null;
  private stopped = false;
  private again = false;

  constructor(
    private readonly folder: OpenFolder,
    private readonly deps: AnalysisDeps,
  ) {}

  /**
   * One job per folder: a second caller joins the running one. Photos that arrived
   * since it started (a card still copying) get one more pass before it ends, so the
   * joiner's photos are never left out.
   */
  analyze(): Promise<AnalysisReport> {
    if (this.job) {
      this.again = true;
      return this.job;
    }
    this.job = this.passes().finally(() => {
      this.job = null;
    });
    return this.job;
  }

  private async passes(): Promise<AnalysisReport> {
    const total = { analyzed: 0, failed: 0 };
    let last: AnalysisReport;
    do {
      this.again = false;
      last = await this.run();
      total.analyzed += last.analyzed;
      total.failed += last.failed;
    } while (this.again && !this.stopped);
    // Known without measuring again: from the disk cache or from an earlier pass.
    const cached = last.analyzed + last.failed + last.cached - total.analyzed - total.failed;
    return { ...total, cached: Math.max(0, cached) };
  }

  /** Everything known so far for the folder's current photos. */
  snapshot(): { items: PhotoAnalysis[]; done: number; total: number } {
    const items = this.items();
    return { items, done: items.length, total: this.folder.photos.size };
  }

  async clockOffsets(): Promise<Record<string, number>> {
    this.offsets ??= await loadClockOffsets(this.folder.info.stateDir);
    return this.offsets;
  }

  async setClockOffsets(offsets: ClockOffsets): Promise<Record<string, number>> {
    this.offsets = await saveClockOffsets(this.folder.info.stateDir, offsets);
    const { items, done, total } = this.snapshot();
    // Stacks depend on corrected times: every photo's stack may have changed.
    this.deps.emit({ type: 'analysisReady', folder: this.folder.info.path, items, done, total });
    return this.offsets;
  }

  /** Ask a running job to stop after the photos in hand (the core is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.job?.catch(() => undefined);
  }

  private current(p: IndexedPhoto): Known | undefined {
    const k = this.known.get(p.entry.file);
    return k && k.key === this.deps.thumbKey(p) ? k : undefined;
  }

  private items(files?: ReadonlySet<string>): PhotoAnalysis[] {
    const records: PhotoRecord[] = [];
    for (const p of this.folder.photos.values()) {
      const k = this.current(p);
      if (!k) {
        records.push({
          file: p.entry.file,
          capturedAt: p.photo.capturedAt,
          camera: cameraKey(p.photo),
          metrics: null,
          error: null,
          pending: true,
        });
        continue;
      }
      records.push({
        file: p.entry.file,
        capturedAt: p.photo.capturedAt,
        camera: cameraKey(p.photo),
        metrics: k.metrics,
        error: k.error,
      });
    }
    const all = folderVerdicts(records, this.offsets ?? {});
    return files ? all.filter((a) => files.has(a.file)) : all;
  }

  private async run(): Promise<AnalysisReport> {
    const f = this.folder;
    const folder = f.info.path;
    // Thumbnails first: the analysis reads them, and building one twice would decode a
    // 24 MP original twice.
    if (f.thumbJob) await f.thumbJob.catch(() => undefined);
    // A damaged offsets file must not stop the analysis; getClockOffsets reports it.
    await this.clockOffsets().catch(() => undefined);

    const all = [...f.photos.values()];
    const todo = all.filter((p) => !this.current(p));
    const report: AnalysisReport = { analyzed: 0, cached: all.length - todo.length, failed: 0 };
    let done = all.length - todo.length;
    const total = all.length;
    const progress = (label: string) =>
      this.deps.emit({ type: 'progress', job: 'analysis', folder, done, total, label });
    const batches = new Batcher<string>((files) => {
      const items = this.items(new Set(files));
      this.deps.emit({ type: 'analysisReady', folder, items, done, total });
      progress(files.at(-1) ?? '');
    });

    progress('');
    await mapPool(todo, Math.max(1, availableParallelism()), async (p) => {
      await this.deps.idle?.();
      if (this.stopped) return;
      const key = this.deps.thumbKey(p);
      const file = p.entry.file;
      let entry: Known;
      const cached = await readCachedMetrics(this.deps.cacheDir, key);
      if (cached) {
        entry = { key, metrics: cached, error: null };
        report.cached++;
      } else {
        try {
          const metrics = await measurePhoto(await this.deps.thumbnail(p));
          await writeCachedMetrics(this.deps.cacheDir, key, metrics);
          entry = { key, metrics, error: null };
          report.analyzed++;
        } catch (err) {
          // Named and kept, and the batch goes on; not cached, so a fixed file is retried.
          entry = { key, metrics: null, error: `${file}: ${(err as Error).message}` };
          report.failed++;
        }
      }
      this.known.set(file, entry);
      done++;
      batches.add(file);
      // Let API calls and events in between photos, even when everything came from the cache.
      await nextTurn();
    });
    // The last word has every photo: ranks and stacks over the whole folder. Not sent
    // when nothing was new, so a repeated call does not resend thousands of results.
    if (todo.length) {
      const { items } = this.snapshot();
      this.deps.emit({ type: 'analysisReady', folder, items, done, total });
    }
    progress('');
    return report;
  }
}
