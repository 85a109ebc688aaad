import { access, constants, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export interface StateLocation {
  writable: boolean;
  /** Where sidecars for this folder go: the folder itself, or the app's data folder. */
  stateDir: string;
}

export function folderKey(folder: string): string {
  return createHash('sha1').update(folder.normalize('NFC')).digest('hex').slice(0, 16);
}

/**
 * Work lives with the folder so it travels with it; a card or read-only share
 * cannot take it, so there it goes to the app's data folder, keyed by path.
 */
export async function stateLocation(
  folder: string,
  dataDir: string,
  isWritable = canWrite,
): Promise<StateLocation> {
  if (await isWritable(folder)) return { writable: true, stateDir: folder };
  const stateDir = join(dataDir, 'read-only-folders', folderKey(folder));
  await mkdir(stateDir, { recursive: true });
  return { writable: false, stateDir };
}

export async function canWrite(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
