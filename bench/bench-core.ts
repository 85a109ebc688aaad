/** A core as the bench times it: fresh data and cache folders of its own, the bundled sample event. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as AppCore from '../electron/core/app-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function benchCore(
  core: typeof AppCore,
  scratch: string,
  /** Names the data and cache folders under `scratch`, so two cores in one run start apart. */
  name: string,
  /** 'cli' runs no folder watcher beside the timings; 'web' opens progressively, as the app does. */
  mode: 'cli' | 'web' = 'cli',
) {
  return core.createCore({
    dataDir: path.join(scratch, `${name}data`),
    cacheDir: path.join(scratch, `${name}cache`),
    sampleDir: path.join(repoRoot, 'assets', 'sample-event'),
    mode,
    version: 'bench',
  });
}
