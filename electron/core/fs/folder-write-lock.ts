import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyedQueue } from '../../../common/util/keyed-queue';
import { processAlive } from '../util/process-alive';
import { breakPidLock, pidLockOwner, tryPidLock, type Release } from './pid-lock';

/**
 * The sidecars of one folder are written by one process at a time. Within a process
 * dispatch already queues a folder's writes; this covers the other process — the CLI
 * run while the app has the folder open — whose read-modify-write of a sidecar could
 * otherwise land between our read and our rename and lose a field. A lock file holds
 * the owner's pid; one whose process is gone is stale and taken over.
 */
const inProcess = new KeyedQueue();

/** A lock file still without a pid this long after it was made was left by a process that died. */
const STALE_MS = 30_000;
const RETRY_MS = 5;

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
  for (;;) {
    const release = await tryPidLock(path);
    if (release) return release;
    if (await isStale(path)) await breakPidLock(path);
    else await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

async function isStale(path: string): Promise<boolean> {
  const [pid, info] = await Promise.all([pidLockOwner(path), stat(path).catch(() => null)]);
  if (!info) return false; // gone already: the next try takes it
  // Created but not yet filled by its owner (or filled with nonsense): judged by its age.
  if (!pid) return Date.now() - info.mtimeMs > STALE_MS;
  // A live owner may hold it long (one step marking 100,000 photos).
  return !processAlive(pid);
}
