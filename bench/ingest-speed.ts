/**
 * Ingest (copy, fsync, sha256 read back, rename) against what a careful desk does by hand:
 * `cp -r` of the card, then `sha256sum` of the copies. Same files, page cache warm for both
 * (nothing is dropped), copies removed and `sync`ed away between runs.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchCore } from './bench-core';
import { makeCard } from './linked-folder';
import { runQuiet } from './processes';

export interface IngestTimings {
  /** ms, or null when not run or not available. */
  oursMs: number | null;
  oursBackupMs: number | null;
  cpMs: number | null;
  cpBackupMs: number | null;
  /** Why our rows are empty (the core's ingest not built yet, or it failed). */
  unavailable: string | null;
  notes: string[];
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Reads every source once, so both sides start with it in the page cache. */
async function warm(files: readonly string[]): Promise<void> {
  for (const f of files) await readFile(f);
}

/** Copies gone and their dirty pages written, so one run's writeback is not billed to the next. */
async function clean(...dirs: string[]): Promise<void> {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await runQuiet('sync', []);
}

async function cpThenSha(card: string, targets: readonly string[]): Promise<number> {
  return timed(async () => {
    for (const t of targets) await runQuiet('cp', ['-r', card, t]);
    const copies = (await Promise.all(targets.map(listFiles))).flat();
    await runQuiet('sha256sum', copies);
  });
}

export async function timeIngest(
  files: readonly string[],
  tasks: { ours: boolean; cp: boolean },
): Promise<IngestTimings> {
  const result: IngestTimings = {
    oursMs: null,
    oursBackupMs: null,
    cpMs: null,
    cpBackupMs: null,
    unavailable: null,
    notes: [],
  };
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-bench-ingest-'));
  const to = path.join(scratch, 'event');
  const backup = path.join(scratch, 'backup');
  try {
    const card = await makeCard(scratch, files);
    await warm(files);

    if (tasks.cp) {
      await clean(to, backup);
      result.cpMs = await cpThenSha(card, [to]);
      await clean(to, backup);
      result.cpBackupMs = await cpThenSha(card, [to, backup]);
    }

    if (tasks.ours) {
      const core = await import('../electron/core/app-core');
      const run = async (withBackup: boolean): Promise<number | null> => {
        // A fresh core and data folder each run: nothing remembered from the last copy.
        const app = benchCore(core, scratch, withBackup ? 'backup-' : '');
        await clean(to, backup);
        await mkdir(to, { recursive: true });
        if (withBackup) await mkdir(backup, { recursive: true });
        let copied = 0;
        let failed = 0;
        let ms: number;
        try {
          ms = await timed(async () => {
            const r = await app.api.ingest({
              sources: [card],
              to,
              backup: withBackup ? backup : null,
            });
            copied = r.copied;
            failed = r.failed;
          });
        } finally {
          await app.close();
        }
        if (copied !== files.length || failed > 0) {
          result.notes.push(
            `ingest${withBackup ? ' with backup' : ''}: copied ${copied}, failed ${failed} ` +
              `(expected ${files.length} copied)`,
          );
        }
        return ms;
      };
      try {
        result.oursMs = await run(false);
        result.oursBackupMs = await run(true);
      } catch (err) {
        // The core's ingest may still be the contract's stub: the row says so, the rest goes on.
        result.unavailable = err instanceof Error ? err.message : String(err);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}
