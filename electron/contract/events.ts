import type { PhotoAnalysis } from './cull';
import type { PackageEntry } from './package';
import type { Tile } from './photos';

/** Events reach the renderer the same way on every transport. */
export type ApiEvent =
  | { type: 'progress'; job: string; folder: string; done: number; total: number; label: string }
  | { type: 'thumbnailReady'; folder: string; file: string; thumb: string }
  /** The core changed or (re)read these photos: their new data, so nobody re-lists. */
  | { type: 'photosChanged'; folder: string; photos: Tile[]; removed: string[] }
  /** A package of this article was built or verified: the article's whole list, so nobody re-lists. */
  | { type: 'packagesChanged'; folder: string; articleId: string; packages: PackageEntry[] }
  | { type: 'analysisReady'; folder: string; items: PhotoAnalysis[]; done: number; total: number }
  | {
      type: 'ingestProgress';
      job: string;
      to: string;
      filesDone: number;
      filesTotal: number;
      bytesDone: number;
      bytesTotal: number;
      bytesPerSecond: number;
      etaSeconds: number | null;
      current: string;
      failed: number;
      /** The last file to land in the destination (relative), for browse-while-copying. */
      landed: string | null;
    };
