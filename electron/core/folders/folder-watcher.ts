import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** How long our own write's path stays ignored: the OS reports it within milliseconds. */
const OWN_WRITE_MS = 2000;

/**
 * Tells the core when files in an open folder change behind its back: a card reader
 * still copying, another program editing a sidecar. It reports the names that changed,
 * or null when the OS gave no name (or the watch failed) and the whole folder must be
 * stat'ed. Our own sidecar writes are ignored: the core announced those itself.
 *
 * Reports wait `debounceMs` after the last change, but never more than `maxWaitMs` after
 * the first: during an ingest files land every few hundred milliseconds, and each must
 * show up while the copy goes on, not when it ends.
 */
export class FolderWatcher {
  private watchers: FSWatcher[] = [];
  private pending = new Set<string>();
  /** The OS reported a change without a name: the folder is compared file by file. */
  private unnamed = false;
  private timer: NodeJS.Timeout | null = null;
  private firstAt = 0;
  private ownWrites = new Map<string, number>();

  constructor(
    private readonly folder: string,
    stateDir: string,
    private readonly onChange: (files: string[] | null) => void,
    private readonly debounceMs = 150,
    private readonly maxWaitMs = 500,
  ) {
    for (const dir of new Set([folder, stateDir])) {
      try {
        const w = watch(dir, { persistent: false }, (_event, name) =>
          this.note(dir, name?.toString() ?? null),
        );
        // The watch broke (the folder moved, too many changes): fall back to a full compare.
        w.on('error', () => this.note(dir, null));
        this.watchers.push(w);
      } catch {
        /* a folder that cannot be watched still works; it just will not auto-refresh */
      }
    }
  }

  /** Call before the write lands, so the OS's report of it is recognised as ours. */
  ignoreOwnWrite(path: string): void {
    const now = Date.now();
    if (this.ownWrites.size > 1000)
      for (const [p, at] of this.ownWrites) if (now - at > OWN_WRITE_MS) this.ownWrites.delete(p);
    this.ownWrites.set(path, now);
  }

  private note(dir: string, name: string | null): void {
    if (name === null) this.unnamed = true;
    else {
      if (name.startsWith('.')) return; // our temp files, OS litter
      const at = this.ownWrites.get(join(dir, name));
      if (at !== undefined && Date.now() - at < OWN_WRITE_MS) return;
      this.pending.add(name.normalize('NFC'));
    }
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstAt = now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    const files = this.unnamed ? null : [...this.pending];
    this.pending.clear();
    this.unnamed = false;
    this.timer = null;
    this.onChange(files);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watchers.forEach((w) => w.close());
    this.watchers = [];
  }
}
