import { shell } from 'electron';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { logFilePath } from '../core/log/core-log';

/**
 * Help > Show the Log: the file in the system's text viewer; when it cannot be opened (not
 * written yet, no viewer for .log), its folder, so the user can still find and send it.
 */
export async function showLog(dataDir: string): Promise<void> {
  const file = logFilePath(dataDir);
  if ((await shell.openPath(file)) === '') return;
  await mkdir(dirname(file), { recursive: true });
  await shell.openPath(dirname(file));
}
