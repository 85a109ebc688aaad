import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { acquirePidLock } from '../fs/pid-lock';
import { readJson, writeJson } from './json-file';
import type { OutboxJob } from './types';

interface SentRecord {
  sha256: string;
  destinationId: string;
  packageName: string;
  at: string;
}

/** Which package (by content) reached which destination: the local half of "already there". */
export class SentLog {
  private writing: Promise<void> = Promise.resolve();
  constructor(private readonly file: string) {}

  async has(sha256: string, destinationId: string): Promise<boolean> {
    const all = await readJson<SentRecord[]>(this.file, []);
    return all.some((s) => s.sha256 === sha256 && s.destinationId === destinationId);
  }

  /**
   * Appends are chained so two jobs finishing together do not drop each other's record,
   * and locked, as another process (the app, a CLI run) may be appending too.
   */
  add(job: OutboxJob): Promise<void> {
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const release = await acquirePidLock(`${this.file}.lock`);
      try {
        await this.append(job);
      } finally {
        await release();
      }
    });
    return this.writing;
  }

  private async append(job: OutboxJob): Promise<void> {
    const all = await readJson<SentRecord[]>(this.file, []);
    all.push({
      sha256: job.sha256,
      destinationId: job.destinationId,
      packageName: job.packageName,
      at: new Date().toISOString(),
    });
    await writeJson(this.file, all);
  }
}
