import { AsyncLocalStorage } from 'node:async_hooks';

/** Files changed during one API call, per folder path. */
export type ChangeSet = Map<string, Set<string>>;

const current = new AsyncLocalStorage<ChangeSet>();

/**
 * Collects the photos an API call changes so the core announces them in one
 * `photosChanged` event when the call ends, not one per photo. Calls running at the
 * same time (a second tab, the CLI) each get their own set.
 */
export async function collectChanges<T>(
  work: () => Promise<T>,
  announce: (changes: ChangeSet) => Promise<void>,
): Promise<T> {
  const outer = current.getStore();
  // A call made from inside another (saveEvent → changeSidecar) joins the outer batch.
  if (outer) return work();
  const changes: ChangeSet = new Map();
  try {
    return await current.run(changes, work);
  } finally {
    if (changes.size) await announce(changes).catch(() => undefined);
  }
}

/** Note a changed photo; false when no batch is open (the caller announces it itself). */
export function noteChanged(folder: string, file: string): boolean {
  const changes = current.getStore();
  if (!changes) return false;
  let files = changes.get(folder);
  if (!files) changes.set(folder, (files = new Set()));
  files.add(file);
  return true;
}
