import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyedQueue } from '../../../common/util/keyed-queue';
import { acquirePidLock, type Release } from './pid-lock';

/**
 * The sidecars of one folder are written by one process at a time. Within a process
 * dispatch already queues a folder's writes; this covers the other process — the CLI
 * run while the app has the folder open — whose read-modify-write of a sidecar could
 * otherwise land between our read and our rename and lose a field. A lock file holds
 * the owner's pid; one whose process is gone (or whose pid now runs another process) is
 * stale and taken over (pid-lock.ts).
 */
const inProcess = new KeyedQueue();

export const lockPath = (stateDir: string) => join(stateDir, '.captiondesk', 'sidecars.lock');

export function withFolderWriteLock<T>(stateDir: string, work: () => Promise<T>): Promise<T> {
  return inProcess.run(stateDir, async () => {
    const release = await acquire(lockPath(stateDir));
    try {
      return await work();
    } finally {
      await release();
    }
  });
}

async function acquire(path: string): Promise<Release> {
  await mkdir(join(path, '..'), { recursive: true });
  return acquirePidLock(path);
}
