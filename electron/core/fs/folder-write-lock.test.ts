import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempDir } from '../../../test/helpers/fixtures';
import { lockPath, withFolderWriteLock } from './folder-write-lock';

let dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  dirs = [];
});

async function folderLockedBy(pid: number): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  await mkdir(dirname(lockPath(dir)), { recursive: true });
  await writeFile(lockPath(dir), String(pid));
  return dir;
}

describe('the folder write lock', () => {
  it('waits while another live process holds it, and goes on once it is released', async () => {
    // pid 1 always runs.
    const dir = await folderLockedBy(1);
    let ran = false;
    const work = withFolderWriteLock(dir, async () => {
      ran = true;
      return 'written';
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false);
    await rm(lockPath(dir));
    expect(await work).toBe('written');
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('takes over a lock whose process is gone (it was killed mid-write)', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const dir = await folderLockedBy(gone);
    expect(await withFolderWriteLock(dir, async () => 'written')).toBe('written');
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('runs the writes of one folder one at a time, in call order', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const log: string[] = [];
    const step = (name: string) =>
      withFolderWriteLock(dir, async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`${name} end`);
      });
    await Promise.all([step('a'), step('b')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});
