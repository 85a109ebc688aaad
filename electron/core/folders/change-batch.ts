import { AsyncLocalStorage } from 'node:async_hooks';

/** Files changed during one API call, per folder path. */
export type ChangeSet = Map<string, Set<string>>;

interface Batch {
  changes: ChangeSet;
  /**
   * False once the call has ended. Work the call started that outlives it (a folder
   * watcher created by openFolder, a background read) inherits its async context; it
   * must not add to a batch that was already announced.
   */
  open: boolean;
}

const current = new AsyncLocalStorage<Batch>();

/**
 * Collects the photos an API call changes so the core announces them in one
 * `photosChanged` event when the call ends, not one per photo. Calls running at the
 * same time (a second tab, the CLI) each get their own set.
 */
export async function collectChanges<T>(
  work: () => Promise<T>,
  announce: (changes: ChangeSet) => Promise<void>,
): Promise<T> {
  // A call made from inside another (saveEvent → changeSidecar) joins the outer batch.
  if (current.getStore()?.open) return work();
  const batch: Batch = { changes: new Map(), open: true };
  try {
    return await current.run(batch, work);
  } finally {
    batch.open = false;
    if (batch.changes.size) await announce(batch.changes).catch(() => undefined);
  }
}

/** Note a changed photo; false when no batch is open (the caller announces it itself). */
export function noteChanged(folder: string, file: string): boolean {
  const batch = current.getStore();
  if (!batch?.open) return false;
  let files = batch.changes.get(folder);
  if (!files) batch.changes.set(folder, (files = new Set()));
  files.add(file);
  return true;
}
