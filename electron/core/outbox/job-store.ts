import { join } from 'node:path';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { readJson, writeJson } from './json-file';
import type { OutboxJob } from './types';

/**
 * One file per job, written atomically, so a crash or power loss leaves every job
 * either at its previous state or its new one.
 */
export class JobStore {
  constructor(readonly dir: string) {}

  async all(): Promise<OutboxJob[]> {
    // Reading never creates the folder: an app that never used the outbox leaves no trace.
    const names = (
      await readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      })
    ).filter((n) => n.endsWith('.json'));
    const jobs = await Promise.all(
      names.map((n) => readJson<OutboxJob | null>(join(this.dir, n), null)),
    );
    return jobs
      .filter((j): j is OutboxJob => j !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** One job as saved (another process may have moved it on), or null. */
  async read(id: string): Promise<OutboxJob | null> {
    return readJson<OutboxJob | null>(join(this.dir, `${id}.json`), null);
  }

  async save(job: OutboxJob): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    job.updatedAt = new Date().toISOString();
    await writeJson(join(this.dir, `${job.id}.json`), job);
  }

  async remove(id: string): Promise<void> {
    await rm(join(this.dir, `${id}.json`), { force: true });
  }
}
