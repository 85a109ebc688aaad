import { access } from 'node:fs/promises';

/** Whether something is at the path (a link counts by what it points to). */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
