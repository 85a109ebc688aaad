import type { ErrorInfo, EventSettings, Folder } from '../../contract/api';
import type { FolderWatcher } from './folder-watcher';
import type { IndexedPhoto } from './photo-index';

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
