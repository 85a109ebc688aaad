import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import {
  ApiError,
  toApiError,
  type ErrorInfo,
  type EventSettings,
  type Folder,
} from '../../contract/api';
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
import { readSidecar, sidecarCandidates, type SidecarNaming } from '../metadata/sidecar';
import type { PhotoRead } from '../metadata/read-photo';
import { listNames, listPhotoFiles, photoBase, type FolderEntry } from './list-photos';
import { loadIndexCache, saveIndexCache } from './index-cache';
import { mapPool } from '../util/collections';

export interface ThumbReport {
  built: number;
  cached: number;
  failed: ({ file: string; error: string } & Partial<ErrorInfo>)[];
}

export interface OpenFolder {
  info: Folder;
  key: string;
  event: EventSettings;
  /** Every listed photo, sorted by file name; the ones not read yet are `pending`. */
  photos: Map<string, IndexedPhoto>;
  watcher: FolderWatcher | null;
  thumbJob: Promise<ThumbReport> | null;
  /** Thumbnails of photos that arrived while the folder was open, one batch after another. */
  arrivalThumbs: Promise<unknown>;
  /** Settles when every photo listed at open has been read. */
  loaded: Promise<void>;
}

/** What one re-read found: the photos whose data changed (or were read), and the ones gone. */
export interface FolderChange {
  photos: IndexedPhoto[];
  removed: string[];
  /** New arrivals among `photos` (not the background reading of a folder being opened). */
  added: string[];
}

/** Photos read before `open` returns: a first screen of tiles, the rest follows in events. */
const FIRST_SCREEN = 120;
/** Photos per `photosChanged` event while a large folder is read in the background. */
const BATCH = 200;
/** Headers read at once: enough to hide disk latency, few enough to keep the event loop free. */
const IN_FLIGHT = 8;
const CACHE_SAVE_DELAY_MS = 2000;

/**
 * The folders the user opened. Fronts other than the CLI reach only these, and media
 * are served only from them. After the first read, a folder is kept current file by
 * file: a change on disk re-reads only the photos it concerns.
 */
export class FolderRegistry {
  private readonly folders = new Map<string, OpenFolder>();
  private readonly updates = new Map<OpenFolder, Promise<void>>();
  private readonly cacheTimers = new Map<OpenFolder, NodeJS.Timeout>();
  private readonly order = new WeakMap<Map<string, IndexedPhoto>, Map<string, number>>();
  /** Photo headers actually read (not reused): tests and the benchmark count them. */
  headerReads = 0;
  /** Photos read before `open` returns; tests lower it to see a large folder's progressive open. */
  firstScreen = FIRST_SCREEN;

  constructor(
    private readonly opts: CoreOptions,
    /** Called after a read found changes, with the changed photos' new data. */
    private readonly onChanged: (f: OpenFolder, change: FolderChange) => void,
  ) {}

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
        indexPhoto(
          f.info.path,
          f.info.stateDir,
          p.entry,
          f.event,
          this.seqn(f, p.entry.file),
          this.readOptions(cache.get(p.entry.file), sidecarNames),
        ),
      );
      // A photo read meanwhile (saved to, or asked for first) or removed keeps its newer state.
      const landed = read.filter((p, j) => f.photos.get(p.entry.file) === batch[j]);
      for (const p of landed) f.photos.set(p.entry.file, p);
      if (landed.length) this.onChanged(f, { photos: landed, removed: [], added: [] });
    }
    if (this.folders.get(f.info.path) === f) this.scheduleCacheSave(f, 0);
  }

  /** Read these photos now if they are still waiting for the background read. */
  async ensure(f: OpenFolder, files: string[]): Promise<void> {
    const waiting = files
      .map((file) => f.photos.get(file.normalize('NFC')))
      .filter((p): p is IndexedPhoto => !!p?.pending);
    if (!waiting.length) return;
    const read = await mapPool(waiting, IN_FLIGHT, (p) =>
      indexPhoto(
        f.info.path,
        f.info.stateDir,
        p.entry,
        f.event,
        this.seqn(f, p.entry.file),
        this.readOptions(),
      ),
    );
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
   * Bring the folder up to date after a change on disk. `names` are the file names the
   * watcher reported: only the photos they concern are looked at (a sidecar maps to its
   * photo, a RAW to its JPEG), and only the ones whose size or mtime changed are re-read.
   * Null (no names: the OS did not say, or a full re-list was asked) stats every photo.
   * Updates of one folder run one after another.
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
    const [entries, sidecarNames] = await Promise.all([
      listPhotoFiles(f.info.path).catch(() => null),
      listNames(f.info.stateDir),
    ]);
    if (!entries) return; // the folder is gone or unreadable: keep what the grid shows
    const touched = names
      ? touchedFiles(entries, names)
      : await this.statChanged(f, entries, sidecarNames);
    const before = f.photos;
    const toRead: { entry: FolderEntry; old: IndexedPhoto | undefined }[] = [];
    for (const entry of entries) {
      const old = before.get(entry.file);
      const samePair = old && old.entry.pairedWith?.file === entry.pairedWith?.file;
      if (!old || !samePair || touched.has(entry.file)) toRead.push({ entry, old });
    }
    const listed = new Set(entries.map((e) => e.file));
    const removed = [...before.keys()].filter((file) => !listed.has(file));
    const read = await mapPool(toRead, IN_FLIGHT, ({ entry, old }) =>
      indexPhoto(
        f.info.path,
        f.info.stateDir,
        entry,
        f.event,
        0,
        this.readOptions(old && !old.pending ? old.read : null, sidecarNames),
      ),
    );
    const changed: IndexedPhoto[] = [];
    const added: string[] = [];
    const fresh = new Map<string, IndexedPhoto>();
    read.forEach((p, i) => {
      const old = toRead[i]!.old;
      // Saved by us while this read was under way: ours is newer.
      if (old && f.photos.get(p.entry.file) !== old) return;
      fresh.set(p.entry.file, p);
      if (!old) added.push(p.entry.file);
      // A new read (not the old one reused) changes the tile's thumbnail key even when
      // the metadata are the same.
      const reread = !old || old.pending || old.read !== p.read;
      if (reread || JSON.stringify(old.photo) !== JSON.stringify(p.photo)) changed.push(p);
    });
    if (!changed.length && !removed.length) return;
    const next = new Map<string, IndexedPhoto>();
    for (const e of entries) {
      const p = fresh.get(e.file) ?? f.photos.get(e.file);
      if (p) next.set(e.file, p);
    }
    f.photos = next;
    if (added.length || removed.length) this.rederiveSeqn(f);
    this.scheduleCacheSave(f);
    const out = changed.map((p) => f.photos.get(p.entry.file) ?? p);
    this.onChanged(f, { photos: out, removed, added });
  }

  /**
   * With no names to go by, the photos whose file or sidecar differs in size or time
   * from what was read (readdir + stat; nothing is read). Photos still waiting for the
   * background read are left to it.
   */
  private async statChanged(
    f: OpenFolder,
    entries: FolderEntry[],
    sidecarNames: ReadonlySet<string> | undefined,
  ): Promise<Set<string>> {
    const differs = async (path: string, bytes: number, mtimeMs: number) => {
      const st = await stat(path).catch(() => null);
      return !st || st.size !== bytes || st.mtimeMs !== mtimeMs;
    };
    const changed = await mapPool(entries, 32, async (e) => {
      const old = f.photos.get(e.file);
      if (!old || old.pending) return false;
      if (await differs(old.path, old.read.bytes, old.read.mtimeMs)) return true;
      const present = sidecarCandidates(f.info.stateDir, e.file, !!e.pairedWith).find(
        (p) => !sidecarNames || sidecarNames.has(basename(p)),
      );
      if ((present ?? null) !== (old.sidecar?.path ?? null)) return true;
      return (
        !!old.sidecar && (await differs(old.sidecar.path, old.sidecar.bytes, old.sidecar.mtimeMs))
      );
    });
    return new Set(entries.filter((_, i) => changed[i]).map((e) => e.file));
  }

  /** New arrivals shift {seqn}; only captions that use it can change, and derive is cheap. */
  private rederiveSeqn(f: OpenFolder): void {
    for (const [file, p] of f.photos)
      if (!p.pending && p.caption.rendered !== null && /\{seqn/i.test(p.caption.own ?? ''))
        f.photos.set(file, derive(p.entry, p.path, p.read, p.sidecar, f.event, this.seqn(f, file)));
  }

  private scheduleCacheSave(f: OpenFolder, delay = CACHE_SAVE_DELAY_MS): void {
    clearTimeout(this.cacheTimers.get(f));
    const t = setTimeout(() => {
      this.cacheTimers.delete(f);
      void this.saveCache(f);
    }, delay);
    t.unref();
    this.cacheTimers.set(f, t);
  }

  private saveCache(f: OpenFolder): Promise<void> {
    return saveIndexCache(this.opts.cacheDir, f.key, f.info.path, f.photos.values()).catch(
      () => undefined, // a cache that cannot be written only makes the next open slower
    );
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
    for (const [f, t] of this.cacheTimers) {
      clearTimeout(t);
      await this.saveCache(f);
    }
    this.cacheTimers.clear();
    this.folders.clear();
  }
}

/**
 * The photos the changed names concern: the photo itself, the JPEG a RAW is paired
 * with, the photo(s) a sidecar belongs to (`x.xmp` → every photo named x.*, `x.JPG.xmp`
 * → x.JPG). Names of new or removed files need no mapping: the listing shows those.
 */
export function touchedFiles(entries: FolderEntry[], names: string[]): Set<string> {
  const byName = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const e of entries) {
    byName.set(e.file.toLowerCase(), e.file);
    if (e.pairedWith) byName.set(e.pairedWith.file.toLowerCase(), e.file);
    const b = photoBase(e.file);
    byBase.set(b, [...(byBase.get(b) ?? []), e.file]);
  }
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').toLowerCase();
    const stem = name.endsWith('.xmp') ? name.slice(0, -4) : null;
    const exact = byName.get(stem ?? name);
    if (exact) out.add(exact);
    else if (stem !== null) for (const file of byBase.get(stem) ?? []) out.add(file);
  }
  return out;
}

export type { SidecarNaming };
