import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createCore } from '../../../electron/core/app-core';
import type { Core } from '../../../electron/core/app-core-types';
import type { ApiEvent } from '../../../electron/contract/api';
import { REPO } from '../fixtures';

/** A core whose outbox retries fast, as the tests cannot wait minutes for backoff. */
export function outboxCore(dataDir: string): { core: Core; events: ApiEvent[] } {
  const core = createCore({
    dataDir,
    cacheDir: join(dataDir, 'cache'),
    sampleDir: join(REPO, 'assets/sample-event'),
    mode: 'cli',
    version: '0.1.0-test',
    outbox: { retryBaseMs: 100, retryMaxMs: 400, maxAttempts: 20 },
  });
  const events: ApiEvent[] = [];
  core.on((e) => events.push(e));
  return { core, events };
}

/** Every file under `dir`, relative path → bytes. */
export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.set(relative(dir, full), await readFile(full));
  }
  return out;
}

export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
