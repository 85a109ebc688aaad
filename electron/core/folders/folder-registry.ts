import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { ApiError, type EventSettings, type Folder } from '../../api';
import type { CoreOptions } from '../app-core-types';
import { folderKey, stateLocation } from './state-dir';
import { derive, indexFolder, indexPhoto, type IndexedPhoto } from './photo-index';
import { FolderWatcher } from './folder-watcher';
import { loadEvent } from '../captioning/event-store';
import type { SidecarNaming } from '../metadata/sidecar';

export interface ThumbReport {
  built: number;
  cached: number;
  failed: { file: string; error: string }[];
}

export interface OpenFolder {
  info: Folder;
  key: string;
  event: EventSettings;
  photos: Map<string, IndexedPhoto>;
  watcher: FolderWatcher | null;
  thumbJob: Promise<ThumbReport> | null;
}

/**
 * The folders the user opened. Fronts other than the CLI reach only these, and media
 * are served only from them.
 */
export class FolderRegistry {
  private readonly folders = new Map<string, OpenFolder>();

  constructor(
    private readonly opts: CoreOptions,
    /** Called after a re-read found changes, with the files that changed. */
    private readonly onChanged: (f: OpenFolder, files: string[], added: string[]) => void,
  ) {}

  async canonical(path: string): Promise<string> {
    const abs = isAbsolute(path) ? path : resolve(path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ApiError(
        `Cannot open folder ${abs}: ${code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`,
        'not-found',
      );
    }
    if (!(await stat(real)).isDirectory())
      throw new ApiError(`${abs} is not a folder`, 'invalid-args');
    return real.normalize('NFC');
  }

  async open(path: string, isSample = false): Promise<OpenFolder> {
    const abs = await this.canonical(path);
    const existing = this.folders.get(abs);
    if (existing) return existing;
    const loc = await stateLocation(abs, this.opts.dataDir, this.opts.isWritable);
    const event = await loadEvent(loc.stateDir);
    const indexed = await indexFolder(abs, loc.stateDir, event);
    const f: OpenFolder = {
      info: {
        path: abs,
        name: basename(abs),
        stateDir: loc.stateDir,
        writable: loc.writable,
        isSample,
      },
      key: folderKey(abs),
      event,
      photos: new Map(indexed.map((p) => [p.entry.file, p])),
      watcher: null,
      thumbJob: null,
    };
    this.folders.set(abs, f);
    if (this.opts.mode !== 'cli')
      f.watcher = new FolderWatcher(abs, loc.stateDir, () => void this.refresh(f));
    return f;
  }

  async require(path: string): Promise<OpenFolder> {
    const abs = (isAbsolute(path) ? path : resolve(path)).normalize('NFC');
    const found = this.folders.get(abs) ?? this.folders.get(await this.canonical(abs));
    if (found) return found;
    if (this.opts.mode === 'cli') return this.open(abs);
    throw new ApiError(`The folder ${abs} is not open`, 'forbidden');
  }

  byKey(key: string): OpenFolder | undefined {
    return [...this.folders.values()].find((f) => f.key === key);
  }

  photo(f: OpenFolder, file: string): IndexedPhoto {
    const p = f.photos.get(file.normalize('NFC'));
    if (!p) throw new ApiError(`${file} is not a photo in ${f.info.path}`, 'not-found');
    return p;
  }

  seqn(f: OpenFolder, file: string): number {
    return [...f.photos.keys()].indexOf(file) + 1;
  }

  /** Re-read one photo after we changed its sidecar. */
  async reindexOne(f: OpenFolder, file: string): Promise<IndexedPhoto> {
    const p = this.photo(f, file);
    const next = await indexPhoto(
      f.info.path,
      f.info.stateDir,
      p.entry,
      f.event,
      this.seqn(f, file),
    );
    f.photos.set(file, next);
    return next;
  }

  /** Recompute every photo from what was read, for a new event template: no disk reads. */
  rederive(f: OpenFolder): void {
    let i = 0;
    for (const [file, p] of f.photos)
      f.photos.set(file, derive(p.entry, p.path, p.read, p.sidecar, f.event, ++i));
  }

  async refresh(f: OpenFolder): Promise<void> {
    const indexed = await indexFolder(f.info.path, f.info.stateDir, f.event).catch(() => null);
    if (!indexed) return;
    const changed: string[] = [];
    const added: string[] = [];
    const next = new Map(indexed.map((p) => [p.entry.file, p]));
    for (const [file, p] of next) {
      const old = f.photos.get(file);
      if (!old) added.push(file);
      if (!old || JSON.stringify(old.photo) !== JSON.stringify(p.photo)) changed.push(file);
    }
    for (const file of f.photos.keys()) if (!next.has(file)) changed.push(file);
    f.photos = next;
    if (changed.length) this.onChanged(f, changed, added);
  }

  all(): OpenFolder[] {
    return [...this.folders.values()];
  }

  async close(): Promise<void> {
    for (const f of this.folders.values()) f.watcher?.close();
    await Promise.all([...this.folders.values()].map((f) => f.thumbJob?.catch(() => undefined)));
    this.folders.clear();
  }
}

export type { SidecarNaming };
