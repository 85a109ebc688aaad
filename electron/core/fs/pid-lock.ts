import { open, readFile, unlink } from 'node:fs/promises';

/** Gives a lock back. */
export type Release = () => Promise<void>;

/**
 * A lock file between processes (the app and a CLI run): made exclusively, holding the
 * owner's pid so that a lock left by a killed process can be told apart and taken over.
 * What counts as stale is the caller's policy; this is the file's part.
 */
export async function tryPidLock(path: string): Promise<Release | null> {
  try {
    const fh = await open(path, 'wx', 0o644);
    await fh.writeFile(String(process.pid));
    await fh.close();
    return () => breakPidLock(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return null;
  }
}

/** The pid in a lock file; 0 (or NaN) while its owner has not written it yet or it is gone. */
export async function pidLockOwner(path: string): Promise<number> {
  return Number((await readFile(path, 'utf8').catch(() => '')).trim());
}

/** Removes a lock file, ours or a stale one; one already gone is fine. */
export function breakPidLock(path: string): Promise<void> {
  return unlink(path).catch(() => undefined);
}
