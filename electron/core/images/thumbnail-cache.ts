import { sharp } from './sharp-setup';
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Long edge of a grid thumbnail: a 160 px tile at 2x. */
export const THUMB_SIZE = 320;
const CACHE_VERSION = 1;

export function thumbnailKey(path: string, bytes: number, mtimeMs: number): string {
  // Size and mtime in the key: an edited or replaced file gets a new thumbnail.
  return createHash('sha1')
    .update(`${CACHE_VERSION}\0${THUMB_SIZE}\0${path}\0${bytes}\0${mtimeMs}`)
    .digest('hex');
}

export function thumbnailPath(cacheDir: string, key: string): string {
  return join(cacheDir, 'thumbs', key.slice(0, 2), `${key}.jpg`);
}

export async function hasThumbnail(cacheDir: string, key: string): Promise<boolean> {
  // Sync and non-throwing: one cheap stat in the cache, where a rejected promise per
  // missing thumbnail (10,000 of them opening a new folder) costs an Error each.
  return (statSync(thumbnailPath(cacheDir, key), { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/**
 * Decode with shrink-on-load, apply EXIF orientation to the pixels, write to the cache.
 * `failOn: 'none'` still gives a thumbnail for a truncated file: a reporter would
 * rather see the top of the frame than nothing.
 */
export async function buildThumbnail(
  input: string | Buffer,
  cacheDir: string,
  key: string,
): Promise<string> {
  const out = thumbnailPath(cacheDir, key);
  // The resize to a box a sixteenth of the frame lets libvips decode the JPEG at 1/8.
  const data = await sharp(input, { failOn: 'none', sequentialRead: true })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: 78, mozjpeg: false })
    .toBuffer();
  await writeCacheFile(out, data);
  return out;
}

/**
 * Temp file and rename, so no reader ever sees half a thumbnail, but no fsync: a cache
 * entry can be rebuilt, and fsyncs behind an ingest's gigabytes of writeback would stall
 * the whole pool. After a power cut an entry may be empty; `hasThumbnail` rebuilds those.
 */
async function writeCacheFile(out: string, data: Uint8Array): Promise<void> {
  const tmp = `${out}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { flag: 'wx' });
  } catch (err) {
    // The shard folder is made on the first miss only, not with a mkdir per thumbnail.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dirname(out), { recursive: true });
    await writeFile(tmp, data, { flag: 'wx' });
  }
  try {
    await rename(tmp, out);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
