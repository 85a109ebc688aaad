import { ApiError } from '../../contract/errors';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { formatFromName } from '../formats/detect';
import { breakStalePidLock, pidLockOwner, tryPidLock, type Release } from '../fs/pid-lock';

/**
 * One ingest per destination at a time (the app and a CLI could both start one): a
 * lock file holding the owner's pid. A lock whose process is gone is stale — the
 * ingest was killed, or the machine rebooted — and is taken over (pid-lock.ts).
 */
export async function lockDestination(folder: string): Promise<Release> {
  const dir = join(folder, '.captiondesk');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'ingest.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    const release = await tryPidLock(path);
    if (release) return release;
    const pid = await pidLockOwner(path);
    if (!(await breakStalePidLock(path)) && pid)
      throw new ApiError(
        `another ingest (process ${pid}) is writing to ${folder}`,
        'ingest-locked',
        { path: folder },
      );
  }
  throw new ApiError(`cannot lock ${folder} for ingest`, 'ingest-locked', { path: folder });
}

/** `.part` files a killed ingest left behind (only photo names: others are not ours). */
export async function removeStaleParts(folder: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.part') || !formatFromName(name.slice(0, -5))) continue;
    await unlink(join(folder, name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
