import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Tells the core when files in an open folder change behind its back: a card reader
 * still copying, another program editing a sidecar. It reports the names that changed
 * (debounced), or null when the OS gave no name and the whole folder must be stat'ed.
 * Our own sidecar writes are ignored: the core announced those itself.
 */
export class FolderWatcher {
  private watchers: FSWatcher[] = [];
  private pending = new Set<string>();
  /** The OS reported a change without a name: the folder is compared file by file. */
  private unnamed = false;
  private timer: NodeJS.Timeout | null = null;
  private ownWrites = new Map<string, number>();

  constructor(
    private readonly folder: string,
    stateDir: string,
    private readonly onChange: (files: string[] | null) => void,
    private readonly debounceMs = 300,
  ) {
    for (const dir of new Set([folder, stateDir])) {
      try {
        const w = watch(dir, { persistent: false }, (_event, name) =>
          this.note(dir, name?.toString() ?? null),
        );
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        /* a folder that cannot be watched still works; it just will not auto-refresh */
      }
    }
  }

  ignoreOwnWrite(path: string): void {
    this.ownWrites.set(path, Date.now());
  }

  private note(dir: string, name: string | null): void {
    if (name === null) this.unnamed = true;
    else {
      if (name.startsWith('.')) return; // our temp files, OS litter
      const at = this.ownWrites.get(join(dir, name));
      if (at !== undefined && Date.now() - at < 2000) return;
      this.pending.add(name.normalize('NFC'));
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = this.unnamed ? null : [...this.pending];
      this.pending.clear();
      this.unnamed = false;
      this.timer = null;
      this.onChange(files);
    }, this.debounceMs);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watchers.forEach((w) => w.close());
    this.watchers = [];
  }
}
