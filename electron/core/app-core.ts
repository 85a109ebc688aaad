import { cp, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import {
  ApiError,
  mediaPath,
  type Api,
  type ApiEvent,
  type Details,
  type Folder,
  type Tile,
} from '../api';
import type { Core, CoreOptions, MediaResponse } from './app-core-types';
import { folderKey, stateLocation } from './folders/state-dir';
import { indexFolder, indexPhoto, type IndexedPhoto } from './folders/photo-index';
import { FolderWatcher } from './folders/folder-watcher';
import { writeSidecar } from './metadata/sidecar';
import {
  buildThumbnail,
  hasThumbnail,
  thumbnailKey,
  thumbnailPath,
} from './images/thumbnail-cache';
import { readEmbeddedPreview } from './images/embedded-preview';
import { mapPool } from './util/collections';

interface OpenFolder {
  info: Folder;
  key: string;
  photos: Map<string, IndexedPhoto>;
  watcher: FolderWatcher | null;
  thumbJob: Promise<{
    built: number;
    cached: number;
    failed: { file: string; error: string }[];
  }> | null;
}

const CONTENT_TYPES: Record<string, string> = { JPEG: 'image/jpeg', PNG: 'image/png' };

export function createCore(opts: CoreOptions): Core {
  const listeners = new Set<(e: ApiEvent) => void>();
  const emit = (e: ApiEvent) => listeners.forEach((l) => l(e));
  const folders = new Map<string, OpenFolder>(); // by absolute path

  async function canonical(path: string): Promise<string> {
    const abs = isAbsolute(path) ? path : resolve(path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      throw new ApiError(
        `Cannot open folder ${abs}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`,
        'not-found',
      );
    }
    if (!(await stat(real)).isDirectory())
      throw new ApiError(`${abs} is not a folder`, 'invalid-args');
    return real.normalize('NFC');
  }

  async function open(path: string, isSample = false): Promise<OpenFolder> {
    const abs = await canonical(path);
    const existing = folders.get(abs);
    if (existing) return existing;
    const loc = await stateLocation(abs, opts.dataDir, opts.isWritable);
    const indexed = await indexFolder(abs, loc.stateDir);
    const f: OpenFolder = {
      info: {
        path: abs,
        name: basename(abs),
        stateDir: loc.stateDir,
        writable: loc.writable,
        isSample,
      },
      key: folderKey(abs),
      photos: new Map(indexed.map((p) => [p.entry.file, p])),
      watcher: null,
      thumbJob: null,
    };
    folders.set(abs, f);
    if (opts.mode !== 'cli') {
      f.watcher = new FolderWatcher(abs, loc.stateDir, (files) => void refresh(f, files));
    }
    return f;
  }

  /** Fronts other than the CLI only reach folders the user opened. */
  async function requireOpen(path: string): Promise<OpenFolder> {
    const abs = isAbsolute(path) ? path : resolve(path);
    const direct = folders.get(abs.normalize('NFC'));
    if (direct) return direct;
    const real = await canonical(abs);
    const found = folders.get(real);
    if (found) return found;
    if (opts.mode === 'cli') return open(real);
    throw new ApiError(`The folder ${abs} is not open`, 'forbidden');
  }

  function requirePhoto(f: OpenFolder, file: string): IndexedPhoto {
    const p = f.photos.get(file.normalize('NFC'));
    if (!p) throw new ApiError(`${file} is not a photo in ${f.info.path}`, 'not-found');
    return p;
  }

  async function refresh(f: OpenFolder, _changed: string[]): Promise<void> {
    const indexed = await indexFolder(f.info.path, f.info.stateDir).catch(() => null);
    if (!indexed) return;
    const changed: string[] = [];
    const next = new Map(indexed.map((p) => [p.entry.file, p]));
    for (const [file, p] of next) {
      const old = f.photos.get(file);
      if (!old || JSON.stringify(old.photo) !== JSON.stringify(p.photo)) changed.push(file);
    }
    for (const file of f.photos.keys()) if (!next.has(file)) changed.push(file);
    f.photos = next;
    if (changed.length) emit({ type: 'folderChanged', folder: f.info.path, files: changed });
  }

  function thumbKeyOf(p: IndexedPhoto): string {
    return thumbnailKey(p.path, p.read.bytes, p.read.mtimeMs);
  }

  async function tile(f: OpenFolder, p: IndexedPhoto): Promise<Tile> {
    const key = thumbKeyOf(p);
    let thumb: string | null = null;
    let thumbNeedsRotation = false;
    if (await hasThumbnail(opts.cacheDir, key))
      thumb = mediaPath('thumb', f.key, p.entry.file, key.slice(0, 12));
    else if (p.read.preview) {
      thumb = mediaPath('preview', f.key, p.entry.file, String(p.read.mtimeMs));
      thumbNeedsRotation = p.read.format !== 'CR3';
    }
    const full = p.read.browserDisplayable
      ? mediaPath('full', f.key, p.entry.file, String(p.read.mtimeMs))
      : p.read.preview?.kind === 'range'
        ? mediaPath('preview', f.key, p.entry.file, String(p.read.mtimeMs))
        : null;
    return { ...p.photo, thumb, thumbNeedsRotation, full };
  }

  const tiles = (f: OpenFolder) => Promise.all([...f.photos.values()].map((p) => tile(f, p)));

  async function thumbnailInput(p: IndexedPhoto): Promise<string | Buffer> {
    if (p.read.format === 'CR3') {
      const preview = await readEmbeddedPreview(p.path, p.read.preview);
      if (!preview) throw new Error('the RAW file has no embedded preview');
      return preview;
    }
    if (p.read.format === 'HEIC') throw new Error('HEIC cannot be decoded here (no HEVC decoder)');
    return p.path;
  }

  async function buildAll(f: OpenFolder) {
    const photos = [...f.photos.values()];
    const report = { built: 0, cached: 0, failed: [] as { file: string; error: string }[] };
    let done = 0;
    const total = photos.length;
    emit({ type: 'progress', job: 'thumbnails', folder: f.info.path, done, total, label: '' });
    await mapPool(photos, Math.max(1, availableParallelism()), async (p) => {
      const key = thumbKeyOf(p);
      try {
        if (await hasThumbnail(opts.cacheDir, key)) report.cached++;
        else {
          await buildThumbnail(await thumbnailInput(p), opts.cacheDir, key);
          report.built++;
          emit({
            type: 'thumbnailReady',
            folder: f.info.path,
            file: p.entry.file,
            thumb: mediaPath('thumb', f.key, p.entry.file, key.slice(0, 12)),
          });
        }
      } catch (err) {
        report.failed.push({
          file: p.entry.file,
          error: `${p.entry.file}: ${(err as Error).message}`,
        });
      }
      done++;
      emit({
        type: 'progress',
        job: 'thumbnails',
        folder: f.info.path,
        done,
        total,
        label: p.entry.file,
      });
    });
    return report;
  }

  async function ensureSampleCopy(): Promise<string> {
    // The shipped sample is read-only: the reporter works on a copy in the data folder.
    const target = join(opts.dataDir, 'sample-event');
    await mkdir(target, { recursive: true });
    const have = new Set(await readdir(target));
    for (const name of await readdir(opts.sampleDir)) {
      if (!/\.(jpe?g|png|tiff?|heic|cr3|nef|arw|dng)$/i.test(name) || have.has(name)) continue;
      await cp(join(opts.sampleDir, name), join(target, name));
    }
    return target;
  }

  const api: Api = {
    async openFolder({ path }) {
      const f = await open(path);
      return { folder: f.info, photos: await tiles(f) };
    },
    async openSample() {
      const f = await open(await ensureSampleCopy(), true);
      return { folder: f.info, photos: await tiles(f) };
    },
    async listPhotos({ folder }) {
      const f = await requireOpen(folder);
      await refresh(f, []);
      return tiles(f);
    },
    async scan({ folder }) {
      const abs = await canonical(folder);
      const loc = await stateLocation(abs, opts.dataDir, opts.isWritable);
      return (await indexFolder(abs, loc.stateDir)).map((p) => p.photo);
    },
    async photoDetails({ folder, file }) {
      const f = await requireOpen(folder);
      const p = requirePhoto(f, file);
      const r = p.read;
      const d: Details = {
        file: p.entry.file,
        path: p.path,
        bytes: r.bytes,
        modifiedAt: new Date(r.mtimeMs).toISOString(),
        format: r.format,
        width: r.width,
        height: r.height,
        capturedAt: r.capturedAt,
        make: r.make,
        model: r.model,
        lens: r.lens,
        exposureTime: r.exposureTime,
        fNumber: r.fNumber,
        iso: r.iso,
        focalLength: r.focalLength,
        caption: p.photo.caption,
        captionSource: p.photo.captionSource,
        captionPlaceholder: p.photo.captionPlaceholder,
        byline: p.photo.byline,
        gps: r.gps,
        sidecar: p.sidecar?.path ?? null,
        error: r.error,
        warnings: r.warnings,
      };
      return d;
    },
    async setCaption({ folder, file, text }) {
      const f = await requireOpen(folder);
      const p = requirePhoto(f, file);
      let sidecarPath: string;
      try {
        sidecarPath = await writeSidecar(f.info.stateDir, p.entry.file, [
          { prefix: 'dc', name: 'description', kind: 'alt', value: text },
        ]);
      } catch (err) {
        throw new ApiError(
          `Could not save the caption of ${p.entry.file}: ${(err as Error).message}`,
          'io',
        );
      }
      f.watcher?.ignoreOwnWrite(sidecarPath);
      const updated = await indexPhoto(f.info.path, f.info.stateDir, p.entry);
      f.photos.set(p.entry.file, updated);
      return updated.photo;
    },
    async buildThumbnails({ folder }) {
      const f = await requireOpen(folder);
      // One job per folder: a second caller (a reload) joins the running one.
      f.thumbJob ??= buildAll(f).finally(() => {
        f.thumbJob = null;
      });
      return f.thumbJob;
    },
    async appInfo() {
      return { version: opts.version, mode: opts.mode, startFolder: opts.startFolder ?? null };
    },
  };

  async function resolveMedia(urlPath: string): Promise<MediaResponse | null> {
    const m = /^\/?media\/(thumb|preview|full)\/([0-9a-f]{16})\/([^/?#]+)(?:\?.*)?$/.exec(urlPath);
    if (!m) return null;
    const [, kind, key, encodedFile] = m;
    let file: string;
    try {
      file = decodeURIComponent(encodedFile!).normalize('NFC');
    } catch {
      return null;
    }
    const f = [...folders.values()].find((x) => x.key === key);
    // Only files the folder listing knows: never an arbitrary path under (or above) it.
    const p = f?.photos.get(file);
    if (!f || !p) return null;
    if (kind === 'full') {
      const type = CONTENT_TYPES[p.read.format];
      return type && p.read.browserDisplayable ? { path: p.path, contentType: type } : null;
    }
    if (kind === 'preview') {
      const data = await readEmbeddedPreview(p.path, p.read.preview).catch(() => null);
      return data ? { data, contentType: 'image/jpeg' } : null;
    }
    const tk = thumbKeyOf(p);
    if (!(await hasThumbnail(opts.cacheDir, tk))) {
      try {
        await buildThumbnail(await thumbnailInput(p), opts.cacheDir, tk);
      } catch {
        return null;
      }
    }
    return { path: thumbnailPath(opts.cacheDir, tk), contentType: 'image/jpeg' };
  }

  return {
    api,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resolveMedia,
    async close() {
      for (const f of folders.values()) f.watcher?.close();
      await Promise.all([...folders.values()].map((f) => f.thumbJob?.catch(() => undefined)));
      folders.clear();
    },
  };
}
