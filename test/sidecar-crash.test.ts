import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { REPO, tempDir } from './helpers/fixtures';

describe('sidecar writes survive kill -9', () => {
  it('never leaves a corrupt or empty sidecar, whenever the writer dies', async () => {
    const dir = await tempDir();
    const seen = new Set<string>();
    try {
      for (let round = 0; round < 8; round++) {
        // node itself, with tsx as a loader: the tsx binary would put a process between us and the writer.
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            join(REPO, 'test/fixtures-scripts/sidecar-writer.ts'),
            dir,
            'DSC-2419.JPG',
          ],
          { cwd: REPO },
        );
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
        await new Promise((r) => setTimeout(r, 150 + round * 37));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const text = await readFile(join(dir, 'DSC-2419.xmp'), 'utf8');
        expect(text.length).toBeGreaterThan(100);
        const caption = (await readSidecar(dir, 'DSC-2419.JPG'))!.fields.caption;
        expect(caption).toMatch(
          /^Chú thích số \d+: Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị\.$/,
        );
        seen.add(caption!);
      }
      // The writer really was mid-stream: each kill landed on a different save.
      expect(seen.size).toBeGreaterThan(4);
      // Temp files of interrupted saves are the only litter allowed, and they are dot-files.
      for (const n of await readdir(dir))
        expect(n === 'DSC-2419.xmp' || n.startsWith('.DSC-2419.xmp.')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
