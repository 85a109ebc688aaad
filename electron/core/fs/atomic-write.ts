import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { namingFile } from './naming-file';

/** A hidden name beside `path` (same directory, so the rename is atomic; dot-named, so watchers skip it). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Write and fsync a new file (never an existing one); on failure nothing is left behind. */
export async function writeSynced(
  path: string,
  data: string | Uint8Array,
  mode = 0o644,
): Promise<void> {
  const fh = await open(path, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw err;
  }
  await fh.close();
}

/**
 * Write a file so that a reader (or a crash) sees either the old bytes or the new
 * ones, never a mix: temp file in the same directory, fsync, rename, fsync the dir.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  /** 0o600 for a file only its owner may read (a private key). */
  mode = 0o644,
): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    await writeSynced(tmp, data, mode);
    try {
      await rename(tmp, path);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  } catch (err) {
    throw namingFile(err, path);
  }
  await syncDir(dirname(path));
}

export async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; some platforms refuse it, which is fine.
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* not supported here (Windows) */
  }
}
