import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvent } from '../../electron/contract/api';
import { createCore } from '../../electron/core/app-core';
import type { Core } from '../../electron/core/app-core-types';
import { copyFixtures, FIXTURES, REPO, tempDir } from './fixtures';

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

/**
 * A core as the app or the CLI starts one on a machine of its own: its data and cache
 * folders under `root`, the bundled sample event.
 */
export function coreIn(
  root: string,
  mode: 'web' | 'cli' | 'electron' = 'cli',
  version = '0.1.0-test',
): Core {
  return createCore({
    dataDir: join(root, 'data'),
    cacheDir: join(root, 'cache'),
    sampleDir: join(REPO, 'assets/sample-event'),
    mode,
    version,
  });
}
