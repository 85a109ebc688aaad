import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Tells the core when files in an open folder change behind its back: a card reader
 * still copying, another program editing a sidecar. Our own sidecar writes are
 * ignored so typing a caption does not trigger a re-list per keystroke.
 */
export class FolderWatcher {
  private watchers: FSWatcher[] = [];
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ownWrites = new Map<string, number>();

  constructor(
    private readonly folder: string,
    stateDir: string,
    private readonly onChange: (files: string[]) => void,
    private readonly debounceMs = 300,
  ) {
    for (const dir of new Set([folder, stateDir])) {
      try {
        const w = watch(
          dir,
          { persistent: false },
          (_event, name) => name && this.note(dir, name.toString()),
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

  private note(dir: string, name: string): void {
    if (name.startsWith('.')) return; // our temp files, OS litter
    const at = this.ownWrites.get(join(dir, name));
    if (at !== undefined && Date.now() - at < 2000) return;
    this.pending.add(name.normalize('NFC'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.pending];
      this.pending.clear();
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
