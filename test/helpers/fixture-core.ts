import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvent } from '../../electron/contract/api';
import { createCore } from '../../electron/core/app-core';
import { copyFixtures, FIXTURES, tempDir } from './fixtures';

/**
 * A core over a fresh copy of some fixture photos (all of them by default), with its own
 * data and cache folders and every event it sends recorded. `cleanup` gets the undo:
 * close the core, remove the copies.
 */
export async function fixtureCore(
  cleanup: (fn: () => Promise<void>) => void,
  files?: string[],
  mode: 'web' | 'cli' = 'web',
) {
  const dir = await copyFixtures(files);
  const state = await tempDir();
  const core = createCore({
    dataDir: join(state, 'data'),
    cacheDir: join(state, 'cache'),
    sampleDir: FIXTURES,
    mode,
    version: 't',
  });
  const events: ApiEvent[] = [];
  core.on((e) => events.push(e));
  cleanup(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });
  return { dir, state, core, events };
}
