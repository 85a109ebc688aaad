import { open, readFile, stat, unlink } from 'node:fs/promises';
import { processAlive } from '../util/process-alive';
import { bootId, bootTimeMs, ownIdentity, startTick } from '../util/process-identity';

/** Gives a lock back. */
export type Release = () => Promise<void>;

/**
 * A lock file between processes (the app and a CLI run): made exclusively, holding the
 * owner's pid — and, where the system tells, its boot id and start tick — so that a
 * lock left by a killed process can be told apart and taken over.
 *
 * The file: the pid on the first line (all older versions wrote only that), then
 * `boot <id>` and `start <tick>` lines.
 */
export async function tryPidLock(path: string): Promise<Release | null> {
  try {
    const fh = await open(path, 'wx', 0o644);
    try {
      const me = ownIdentity();
      const lines = [String(process.pid)];
      if (me.boot) lines.push(`boot ${me.boot}`);
      if (me.start) lines.push(`start ${me.start}`);
      await fh.writeFile(lines.join('\n') + '\n');
    } catch (err) {
      // A full disk makes the file but refuses its pid: an empty lock would stall every
      // other writer until it is judged stale by age, so it goes at once.
      await fh.close().catch(() => undefined);
      await breakPidLock(path);
      throw err;
    }
    await fh.close();
    return () => breakPidLock(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return null;
  }
}

interface LockOwner {
  pid: number;
  boot: string | null;
  start: string | null;
}

async function readOwner(path: string): Promise<LockOwner> {
  const [first = '', ...rest] = (await readFile(path, 'utf8').catch(() => '')).split('\n');
  const value = (key: string) =>
    rest
      .find((l) => l.startsWith(`${key} `))
      ?.slice(key.length + 1)
      .trim() || null;
  return { pid: Number(first.trim()), boot: value('boot'), start: value('start') };
}

/** The pid in a lock file; 0 (or NaN) while its owner has not written it yet or it is gone. */
export async function pidLockOwner(path: string): Promise<number> {
  return (await readOwner(path)).pid;
}

/** Removes a lock file, ours or a stale one; one already gone is fine. */
export function breakPidLock(path: string): Promise<void> {
  return unlink(path).catch(() => undefined);
}

/** A lock file still without a pid this long after it was made was left by a process that died. */
const EMPTY_STALE_MS = 30_000;

/**
 * Whether a lock's owner is gone: its pid runs no process, or the process that runs
 * under that pid now is another one (a reboot since, or the pid counter came round).
 * A live owner may hold a lock as long as it likes (one step marking 100,000 photos).
 */
export async function pidLockIsStale(path: string): Promise<boolean> {
  const [owner, info] = await Promise.all([readOwner(path), stat(path).catch(() => null)]);
  if (!info) return false; // gone already: the next try takes it
  // Created but not yet filled by its owner (or filled with nonsense): judged by its age.
  if (!owner.pid) return Date.now() - info.mtimeMs > EMPTY_STALE_MS;
  if (!processAlive(owner.pid)) return true;
  if (owner.boot) {
    const boot = bootId();
    if (boot && boot !== owner.boot) return true;
    const start = startTick(owner.pid);
    return owner.start !== null && start !== null && start !== owner.start;
  }
  // Written by a system that keeps no boot id (or an older version): a lock file older than
  // this boot cannot belong to a process running now. A minute of slack for clock steps.
  return info.mtimeMs < bootTimeMs() - 60_000;
}

/**
 * Removes a stale lock, with a second lock file around the check-and-remove so that two
 * processes taking over the same stale lock cannot remove each other's fresh one.
 * Whether the lock is gone now (it may have been taken by someone else meanwhile).
 */
export async function breakStalePidLock(path: string): Promise<boolean> {
  const guardPath = `${path}.takeover`;
  const guard = await tryPidLock(guardPath);
  if (!guard) {
    // Held only for a check and an unlink: one that stays was left by a killed process.
    if (await pidLockIsStale(guardPath)) await breakPidLock(guardPath);
    return false;
  }
  try {
    if (!(await pidLockIsStale(path))) return false;
    await breakPidLock(path);
    return true;
  } finally {
    await guard();
  }
}

/** Takes the lock, waiting while a live process holds it and taking over a stale one. */
export async function acquirePidLock(path: string, retryMs = 5): Promise<Release> {
  for (;;) {
    const release = await tryPidLock(path);
    if (release) return release;
    if (!(await breakStalePidLock(path))) await new Promise((r) => setTimeout(r, retryMs));
  }
}
