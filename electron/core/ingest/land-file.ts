import { link, lstat, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from '../fs/atomic-write';

/** Why a landing failed because the name is taken (the caller picks the next suffix). */
export class NameTakenError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/**
 * Give a verified `.part` its final name without ever replacing a file there. A hard
 * link fails with EEXIST atomically; file systems without links (FAT, exFAT, some
 * shares) fall back to a check then rename, which only a concurrent writer could beat.
 */
export async function landFile(part: string, final: string): Promise<void> {
  try {
    await link(part, final);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new NameTakenError(final);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? ''))
      throw err;
    if (await exists(final)) throw new NameTakenError(final);
    await rename(part, final);
    await syncDir(dirname(final));
    return;
  }
  await unlink(part);
  await syncDir(dirname(final));
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
