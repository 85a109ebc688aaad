import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PhotoRead } from '../metadata/read-photo';
import type { IndexedPhoto } from './photo-index';

/** Bump when PhotoRead changes shape or meaning: an old cache is then ignored, not misread. */
const VERSION = 1;

interface CacheFile {
  version: number;
  folder: string;
  files: Record<string, PhotoRead>;
}

export function indexCachePath(cacheDir: string, folderKey: string): string {
  return join(cacheDir, 'index', `${folderKey}.json`);
}

/**
 * What was read from each photo's headers last time, by file name. Each entry carries
 * the size and mtime it was read at; the index reuses it only when both still match.
 */
export async function loadIndexCache(
  cacheDir: string,
  folderKey: string,
  folder: string,
): Promise<Map<string, PhotoRead>> {
  try {
    const data = JSON.parse(
      await readFile(indexCachePath(cacheDir, folderKey), 'utf8'),
    ) as CacheFile;
    if (data.version !== VERSION || data.folder !== folder) return new Map();
    return new Map(Object.entries(data.files));
  } catch {
    return new Map(); // none yet, or unreadable: the folder is simply read
  }
}

export async function saveIndexCache(
  cacheDir: string,
  folderKey: string,
  folder: string,
  photos: Iterable<IndexedPhoto>,
): Promise<void> {
  const files: Record<string, PhotoRead> = {};
  for (const p of photos) if (!p.pending && !p.read.error) files[p.entry.file] = p.read;
  const data: CacheFile = { version: VERSION, folder, files };
  await mkdir(join(cacheDir, 'index'), { recursive: true });
  await writeFileAtomic(indexCachePath(cacheDir, folderKey), JSON.stringify(data));
}
