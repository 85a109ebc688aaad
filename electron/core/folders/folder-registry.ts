import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { ApiError, toApiError } from '../../contract/api';
import type { CoreOptions } from '../app-core-types';
import { folderKey, stateLocation } from './state-dir';
import {
  derive,
  indexPhoto,
  pendingPhoto,
  type IndexedPhoto,
  type IndexOptions,
} from './photo-index';
import { FolderWatcher } from './folder-watcher';
import { loadEvent } from '../captioning/event-store';
import { readSidecar, type SidecarNaming } from '../metadata/sidecar';
import type { PhotoRead } from '../metadata/read-photo';
import { listNames, listPhotoFiles } from './list-photos';
import { loadIndexCache } from './index-cache';
import { mapPool } from '../util/collections';
import { CacheSaves } from './cache-saves';
import { IN_FLIGHT, mergeDiskReads, readDiskChanges } from './disk-changes';
import type { FolderChange, OpenFolder } from './open-folder';

export type { FolderChange, OpenFolder, ThumbReport } from './open-folder';
export { touchedFiles } from './touched-files';

/** Photos read before `open` returns: a first screen of tiles, the rest follows in events. */
const FIRST_SCREEN = 120;
/** Photos per `photosChanged` event while a large folder is read in the background. */
const BATCH = 200;

/**
 * The folders the user opened. Fronts other than the CLI reach only these, and media
 * are served only from them. After the first read, a folder is kept current file by
 * file: a change on disk re-reads only the photos it concerns.
 */
export class FolderRegistry {
  private readonly folders = new Map<string, OpenFolder>();
  private readonly updates = new Map<OpenFolder, Promise<void>>();
  private readonly cacheSaves: CacheSaves;
  private readonly order = new WeakMap<Map<string, IndexedPhoto>, Map<string, number>>();
  /** Photo headers actually read (not reused): tests and the benchmark count them. */
  headerReads = 0;
  /** Photos read before `open` returns; tests lower it to see a large folder's progressive open. */
  firstScreen = FIRST_SCREEN;

  constructor(
    private readonly opts: CoreOptions,
    /** Called after a read found changes, with the changed photos' new data. */
    private readonly onChanged: (f: OpenFolder, change: FolderChange) => void,
  ) {
    this.cacheSaves = new CacheSaves(opts.cacheDir);
  }

  async canonical(path: string): Promise<string> {
    const abs = isAbsolute(path) ? path : resolve(path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw toApiError(err, abs);
      throw new ApiError(`Cannot open folder ${abs}: it does not exist`, 'folder-not-found', {
        path: abs,
      });
    }
    if (!(await stat(real)).isDirectory())
      throw new ApiError(`${abs} is not a folder`, 'not-a-folder', { path: abs });
    return real.normalize('NFC');
  }

  private readOptions(previous?: PhotoRead | null, sidecarNames?: ReadonlySet<string>) {
    const o: IndexOptions = {
      previous,
      sidecarNames,
      onHeaderRead: () => void this.headerReads++,
    };
    return o;
  }

  /** Reads a photo the folder listed but has not read yet (the background read, or asked for first). */
  private readPending(
    f: OpenFolder,
    p: IndexedPhoto,
    previous?: PhotoRead | null,
    sidecarNames?: ReadonlySet<string>,
  ): Promise<IndexedPhoto> {
    return indexPhoto(
      f.info.path,
      f.info.stateDir,
      p.entry,
      f.event,
      this.seqn(f, p.entry.file),
      this.readOptions(previous, sidecarNames),
    );
  }

  /**
   * List the folder at once, read the first screenful (by file name) and return; the
   * rest is read in the background, in order, and announced in batches. A re-open
   * reuses the index cache for every file whose size and mtime did not change.
   */
  async open(path: string, isSample = false): Promise<OpenFolder> {
    const abs = await this.canonical(path);
    const existing = this.folders.get(abs);
    if (existing) return existing;
    const loc = await stateLocation(abs, this.opts.dataDir, this.opts.isWritable);
    const key = folderKey(abs);
    const [event, entries, sidecarNames, cache] = await Promise.all([
      loadEvent(loc.stateDir),
      listPhotoFiles(abs),
      listNames(loc.stateDir),
      loadIndexCache(this.opts.cacheDir, key, abs),
    ]);
    const first = entries.slice(0, this.firstScreen);
    const read = await mapPool(first, IN_FLIGHT, (e, i) =>
      indexPhoto(
        abs,
        loc.stateDir,
        e,
        event,
        i + 1,
        this.readOptions(cache.get(e.file), sidecarNames),
      ),
    );
    const photos = new Map(read.map((p) => [p.entry.file, p]));
    for (let i = first.length; i < entries.length; i++)
      photos.set(entries[i]!.file, pendingPhoto(abs, entries[i]!, event, i + 1));
    const f: OpenFolder = {
      info: {
        path: abs,
        name: basename(abs),
        stateDir: loc.stateDir,
        writable: loc.writable,
        isSample,
      },
      key,
      event,
      photos,
      watcher: null,
      thumbJob: null,
      arrivalThumbs: Promise.resolve(),
      loaded: Promise.resolve(),
    };
    this.folders.set(abs, f);
    f.loaded = this.readRest(f, cache, sidecarNames);
    if (this.opts.mode === 'cli') await f.loaded;
    else f.watcher = new FolderWatcher(abs, loc.stateDir, (names) => void this.update(f, names));
    return f;
  }

  private async readRest(
    f: OpenFolder,
    cache: Map<string, PhotoRead>,
    sidecarNames: ReadonlySet<string> | undefined,
  ): Promise<void> {
    const pending = [...f.photos.values()].filter((p) => p.pending);
    for (let i = 0; i < pending.length && this.folders.get(f.info.path) === f; i += BATCH) {
      const batch = pending.slice(i, i + BATCH).filter((p) => f.photos.get(p.entry.file) === p);
      const read = await mapPool(batch, IN_FLIGHT, (p) =>
        this.readPending(f, p, cache.get(p.entry.file), sidecarNames),
      );
      // A photo read meanwhile (saved to, or asked for first) or removed keeps its newer state.
      const landed = read.filter((p, j) => f.photos.get(p.entry.file) === batch[j]);
      for (const p of landed) f.photos.set(p.entry.file, p);
      if (landed.length) this.onChanged(f, { photos: landed, removed: [], added: [] });
    }
    if (this.folders.get(f.info.path) === f) this.cacheSaves.schedule(f, 0);
  }

  /** Read these photos now if they are still waiting for the background read. */
  async ensure(f: OpenFolder, files: string[]): Promise<void> {
    const waiting = files
      .map((file) => f.photos.get(file.normalize('NFC')))
      .filter((p): p is IndexedPhoto => !!p?.pending);
    if (!waiting.length) return;
    const read = await mapPool(waiting, IN_FLIGHT, (p) => this.readPending(f, p));
    read.forEach((p, i) => {
      if (f.photos.get(p.entry.file) === waiting[i]) f.photos.set(p.entry.file, p);
    });
  }

  /**
   * The open folder at `path`. With `files`, only those photos must be read (a save
   * to one photo need not wait for a 10,000-photo folder to finish opening); without,
   * every photo.
   */
  async require(path: string, files?: string[]): Promise<OpenFolder> {
    const abs = (isAbsolute(path) ? path : resolve(path)).normalize('NFC');
    const found =
      this.folders.get(abs) ??
      this.folders.get(await this.canonical(abs)) ??
      (this.opts.mode === 'cli' ? await this.open(abs) : null);
    if (!found)
      throw new ApiError(`The folder ${abs} is not open`, 'folder-not-open', { path: abs });
    if (files) await this.ensure(found, files);
    else await found.loaded;
    return found;
  }

  /** The folder open at this canonical path, if any (nothing is read or opened). */
  opened(path: string): OpenFolder | undefined {
    return this.folders.get(path);
  }

  byKey(key: string): OpenFolder | undefined {
    return [...this.folders.values()].find((f) => f.key === key);
  }

  photo(f: OpenFolder, file: string): IndexedPhoto {
    const p = f.photos.get(file.normalize('NFC'));
    if (!p)
      throw new ApiError(`${file} is not a photo in ${f.info.path}`, 'photo-not-in-folder', {
        file,
        folder: f.info.path,
      });
    return p;
  }

  /** 1-based position by file name, for {seqn}. */
  seqn(f: OpenFolder, file: string): number {
    let order = this.order.get(f.photos);
    if (!order) {
      order = new Map([...f.photos.keys()].map((k, i) => [k, i + 1]));
      this.order.set(f.photos, order);
    }
    return order.get(file) ?? 0;
  }

  /** Re-read one photo's sidecar after we changed it: the image itself did not change. */
  async reindexOne(f: OpenFolder, file: string): Promise<IndexedPhoto> {
    const p = this.photo(f, file);
    if (p.pending) await this.ensure(f, [file]);
    const cur = this.photo(f, file);
    const sidecar = await readSidecar(f.info.stateDir, file, !!cur.entry.pairedWith).catch(
      () => null,
    );
    const next = derive(cur.entry, cur.path, cur.read, sidecar, f.event, this.seqn(f, file));
    f.photos.set(file, next);
    return next;
  }

  /** Recompute every photo from what was read, for a new event template: no disk reads. */
  rederive(f: OpenFolder): void {
    for (const [file, p] of f.photos)
      if (!p.pending)
        f.photos.set(file, derive(p.entry, p.path, p.read, p.sidecar, f.event, this.seqn(f, file)));
  }

  /**
   * Bring the folder up to date after a change on disk: only the photos the watcher's
   * `names` concern, or (null) every photo whose size or mtime changed, are re-read
   * (disk-changes.ts). Updates of one folder run one after another.
   */
  update(f: OpenFolder, names: string[] | null): Promise<void> {
    const run = (this.updates.get(f) ?? Promise.resolve()).then(() =>
      this.applyUpdate(f, names).catch(() => undefined),
    );
    this.updates.set(f, run);
    return run;
  }

  private async applyUpdate(f: OpenFolder, names: string[] | null): Promise<void> {
    if (this.folders.get(f.info.path) !== f) return;
    const reads = await readDiskChanges(f, names, (previous, sidecarNames) =>
      this.readOptions(previous, sidecarNames),
    );
    if (!reads) return;
    const change = mergeDiskReads(f, reads);
    if (!change) return;
    if (change.added.length || change.removed.length) this.rederiveSeqn(f);
    this.cacheSaves.schedule(f);
    const out = change.photos.map((p) => f.photos.get(p.entry.file) ?? p);
    this.onChanged(f, { ...change, photos: out });
  }

  /** New arrivals shift {seqn}; only captions that use it can change, and derive is cheap. */
  private rederiveSeqn(f: OpenFolder): void {
    for (const [file, p] of f.photos)
      if (!p.pending && p.caption.rendered !== null && /\{seqn/i.test(p.caption.own ?? ''))
        f.photos.set(file, derive(p.entry, p.path, p.read, p.sidecar, f.event, this.seqn(f, file)));
  }

  all(): OpenFolder[] {
    return [...this.folders.values()];
  }

  async close(): Promise<void> {
    for (const f of this.folders.values()) f.watcher?.close();
    await Promise.all([...this.updates.values()]);
    await Promise.all(
      [...this.folders.values()].flatMap((f) => [
        f.thumbJob?.catch(() => undefined),
        f.arrivalThumbs.catch(() => undefined),
      ]),
    );
    await this.cacheSaves.flush();
    this.folders.clear();
  }
}

export type { SidecarNaming };
