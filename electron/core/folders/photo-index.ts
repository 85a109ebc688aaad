import { join } from 'node:path';
import type { Photo } from '../../api';
import { readPhoto, type PhotoRead } from '../metadata/read-photo';
import { mergeView } from '../metadata/merge';
import { readSidecar, type SidecarRead } from '../metadata/sidecar';
import { listPhotoFiles, type FolderEntry } from './list-photos';
import { mapPool } from '../util/collections';

export interface IndexedPhoto {
  entry: FolderEntry;
  path: string;
  read: PhotoRead;
  sidecar: SidecarRead | null;
  photo: Photo;
}

export function toPhoto(file: string, read: PhotoRead, sidecar: SidecarRead | null): Photo {
  const merged = mergeView(read, sidecar?.fields ?? null);
  return {
    file,
    format: read.format,
    width: read.width,
    height: read.height,
    orientation: read.orientation,
    capturedAt: read.capturedAt,
    make: read.make,
    model: read.model,
    caption: merged.caption,
    byline: merged.byline,
    rating: merged.rating,
    gps: read.gps,
    bytes: read.bytes,
    error: read.error,
    warnings: read.warnings,
    captionSource: merged.captionSource,
    captionPlaceholder: merged.captionPlaceholder,
  };
}

export async function indexPhoto(
  folder: string,
  stateDir: string,
  entry: FolderEntry,
): Promise<IndexedPhoto> {
  const path = join(folder, entry.diskName);
  const [read, sidecar] = await Promise.all([
    readPhoto(path, entry.file),
    readSidecar(stateDir, entry.file).catch(() => null),
  ]);
  return { entry, path, read, sidecar, photo: toPhoto(entry.file, read, sidecar) };
}

/** Read every photo of a folder; headers only, a few files in flight to hide I/O latency. */
export async function indexFolder(folder: string, stateDir: string): Promise<IndexedPhoto[]> {
  const entries = await listPhotoFiles(folder);
  return mapPool(entries, 8, (e) => indexPhoto(folder, stateDir, e));
}
