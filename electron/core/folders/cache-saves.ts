import { saveIndexCache } from './index-cache';
import type { OpenFolder } from './open-folder';

const CACHE_SAVE_DELAY_MS = 2000;

/**
 * The index cache of each open folder, written a little after the last change (a burst
 * of arrivals writes it once) and on close.
 */
export class CacheSaves {
  private readonly timers = new Map<OpenFolder, NodeJS.Timeout>();
  /** Saves a timer started: close waits for them, so nothing writes into a removed cache. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly cacheDir: string) {}

  schedule(f: OpenFolder, delay = CACHE_SAVE_DELAY_MS): void {
    clearTimeout(this.timers.get(f));
    const t = setTimeout(() => {
      this.timers.delete(f);
      const saving = this.save(f);
      this.inFlight.add(saving);
      void saving.finally(() => this.inFlight.delete(saving));
    }, delay);
    t.unref();
    this.timers.set(f, t);
  }

  /** Writes every cache still waiting for its timer, now, and waits for those being written. */
  async flush(): Promise<void> {
    for (const [f, t] of this.timers) {
      clearTimeout(t);
      await this.save(f);
    }
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private save(f: OpenFolder): Promise<void> {
    return saveIndexCache(this.cacheDir, f.key, f.info.path, f.photos.values()).catch(
      () => undefined, // a cache that cannot be written only makes the next open slower
    );
  }
}
