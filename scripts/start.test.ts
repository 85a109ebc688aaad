/**
 * `npm start` without the Electron binary must end in one readable line, not a stack
 * trace. The download is pointed at a closed local port, so the test is the same
 * with or without a network, and an empty cache means no earlier zip is reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.dirname(
  createRequire(path.join(repo, 'package.json')).resolve('electron/package.json'),
);
// With the binary present, `npm start` would really start the app.
const binaryPresent = existsSync(path.join(electronDir, 'path.txt'));

describe.skipIf(binaryPresent)('npm start without the Electron binary', () => {
  it('says what failed and what to do instead, in one line on stderr', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'captiondesk-electron-cache-'));
    try {
      const run = spawnSync(process.execPath, [path.join(repo, 'scripts/start.mjs')], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: cache,
          ELECTRON_OVERRIDE_DIST_PATH: '',
        },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^CaptionDesk: the Electron binary could not be downloaded \(.+\)\. Check the network, or run the same UI in your browser with: npm run web$/,
      );
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});
