/**
 * Validated photos, keyed on the file's size and time and on the trust list, so a grid of
 * a thousand signed frames is hashed once. The verdicts are kept in the cache folder too:
 * reopening the app does not hash a 3,000-frame card again. A kept verdict is trusted for a
 * day only, since a certificate can expire between two looks.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

import type { Credentials } from '../../contract/api';
import { writeFileAtomic } from '../fs/atomic-write';
import { inspectBytes } from './inspect';
import { noCredentials } from './summarize';
import type { LoadedTrust } from './trust-list';

const KEPT_FOR_MS = 24 * 3600 * 1000;
const FORMAT = 1;

interface Entry {
  size: number;
  mtimeMs: number;
  /** sha256 of the trust list's text: another list, another verdict. */
  trust: string;
  checkedAt: number;
  result: Credentials;
}

const trustKey = (t: LoadedTrust) => createHash('sha256').update(t.view.pem).digest('hex');

export class CredentialsCache {
  private entries = new Map<string, Entry>();
  private loaded: Promise<void> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** One file at a time: c2pa-rs is single-threaded, and each file is read whole. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `file`: where the verdicts are kept between runs; null keeps them in memory only. */
  constructor(private readonly file: string | null = null) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.file) return;
      try {
        const kept = JSON.parse(await readFile(this.file, 'utf8')) as {
          format?: number;
          entries?: [string, Entry][];
        };
        if (kept.format !== FORMAT || !Array.isArray(kept.entries)) return;
        const now = Date.now();
        for (const [path, e] of kept.entries)
          if (now - e.checkedAt < KEPT_FOR_MS) this.entries.set(path, e);
      } catch {
        // None kept yet, or unreadable: a cache is rebuilt, never trusted blindly.
      }
    })();
    return this.loaded;
  }

  /**
   * Save a few seconds from now: a folder's photos are asked for 50 at a time, and the whole
   * file is written each time, so batches close together share one write.
   */
  saveSoon(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => void this.save().catch(() => undefined), 5000);
    this.timer.unref?.();
  }

  /** Write what changed since the last save (soon after a batch, and when the core closes). */
  async save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.file || !this.dirty) return this.saving;
    this.dirty = false;
    const file = this.file;
    const text = JSON.stringify({ format: FORMAT, entries: [...this.entries] });
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, text);
    });
    return this.saving;
  }

  async inspect(
    path: string,
    trust: LoadedTrust,
    carries: boolean | null = null,
    /** Waits while a picture someone is looking at is being made: validation is background work. */
    yieldTo: () => Promise<void> = async () => undefined,
  ): Promise<Credentials> {
    const file = basename(path);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      return { ...noCredentials(file), error: String((err as Error)?.message ?? err) };
    }
    // The scan already knows whether the file carries a store; without one, nothing to hash.
    if (carries === false) return noCredentials(file);
    await this.load();
    const key = trustKey(trust);
    const hit = this.entries.get(path);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.trust === key)
      return hit.result;
    const run = this.queue.then(async () => {
      await yieldTo();
      return inspectBytes(file, await readFile(path), trust);
    });
    this.queue = run.catch(() => undefined);
    let result: Credentials;
    try {
      result = await run;
    } catch (err) {
      return { ...noCredentials(file), error: String((err as Error)?.message ?? err) };
    }
    this.entries.set(path, {
      size: st.size,
      mtimeMs: st.mtimeMs,
      trust: key,
      checkedAt: Date.now(),
      result,
    });
    this.dirty = true;
    return result;
  }
}
