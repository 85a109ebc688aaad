import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { IngestFile } from '../electron/contract/ingest';
import { sha256, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { cameraJpeg, makeCard, SERIAL_A, SERIAL_B } from './helpers/make-card';
import { runCli, startCli } from './helpers/run-cli';

let root: string;
let env: Record<string, string>;

const cli = (args: string[]) => runCli(args, env);

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as IngestFile);

beforeAll(async () => {
  root = await tempDir('captiondesk-ingest-cli-');
  env = { CAPTIONDESK_DATA_DIR: join(root, 'data'), CAPTIONDESK_CACHE_DIR: join(root, 'cache') };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('captiondesk ingest', () => {
  it('--json prints one object per source file; a file it cannot read fails alone, exit 2', async () => {
    const card = join(root, 'card1');
    await makeCard(card);
    await symlink(join(card, 'vanished.JPG'), join(card, 'DCIM', '101CANON', 'IMG_0050.JPG'));
    const hot = join(root, 'hot.tsv');
    await writeFile(hot, `// serial\tphotographer\n${SERIAL_B}\tNguyễn Thị Hoa\n`);
    const tpl = join(root, 't.json');
    const { emptyTemplate } = await import('../electron/core/captioning/event-store');
    const t = emptyTemplate();
    t.credit = { value: 'Báo Lào Cai', apply: true };
    await writeFile(tpl, JSON.stringify(t));
    const to = join(root, 'event1');
    const r = await cli([
      'ingest',
      card,
      '--to',
      to,
      '--backup',
      join(root, 'backup1'),
      '--rename',
      '{camserial}_{seqn}',
      '--template',
      tpl,
      '--hot-codes',
      hot,
      '--json',
    ]);
    expect(r.code).toBe(2);
    const files = lines(r.stdout);
    expect(files).toHaveLength(8);
    for (const f of files)
      expect(Object.keys(f).sort()).toEqual(
        ['backup', 'dest', 'error', 'sha256', 'source', 'status'].sort(),
      );
    const bad = files.filter((f) => f.status === 'failed');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ dest: null, backup: null, sha256: null });
    expect(bad[0]!.error).toContain('IMG_0050.JPG');
    expect(r.stderr).toContain('IMG_0050.JPG');
    const ok = files.filter((f) => f.status === 'copied');
    expect(ok).toHaveLength(7);
    for (const f of ok) {
      expect(f.dest).toMatch(new RegExp(`^(${SERIAL_A}|${SERIAL_B})_\\d{4}\\.(JPG|CR3)$`));
      expect(f.backup).toBe(join(root, 'backup1', f.dest!));
      expect(f.sha256).toBe(await sha256(f.source));
    }
    if (hasExiftool) {
      const colleague = ok.find((f) => f.dest!.startsWith(SERIAL_B) && f.dest!.endsWith('.JPG'))!;
      const [x] = await exiftool([join(to, colleague.dest!.replace(/\.JPG$/, '.xmp'))]);
      expect(x!['XMP-dc:Creator']).toBe('Nguyễn Thị Hoa');
      expect(x!['XMP-photoshop:Credit']).toBe('Báo Lào Cai');
    }
    // Again: nothing new.
    const again = await cli(['ingest', card, '--to', to, '--json']);
    expect(lines(again.stdout).filter((f) => f.status === 'copied')).toEqual([]);
  });

  it('a killed ingest leaves no partial file under a final name, and the next run finishes', async () => {
    const card = join(root, 'card2');
    const dir = join(card, 'DCIM', '100CANON');
    await mkdir(dir, { recursive: true });
    const N = 60;
    const hashes = new Map<string, string>();
    for (let i = 1; i <= N; i++) {
      const name = `IMG_${String(i).padStart(4, '0')}.JPG`;
      const jpeg = await cameraJpeg(
        { serial: SERIAL_A, model: 'Canon EOS R6', taken: '2026:11:20 09:15:00' },
        i,
      );
      // Big enough that the copy takes a while: camera-sized files.
      await writeFile(join(dir, name), Buffer.concat([jpeg, randomBytes(1 << 20)]));
      hashes.set(name, await sha256(join(dir, name)));
    }
    const to = join(root, 'event2');
    await mkdir(to, { recursive: true });

    const { child, done } = startCli(['ingest', card, '--to', to, '--json'], env);
    // Killed the moment the first photo has its final name.
    const w = watch(to, (_e, name) => {
      if (name && /\.JPG$/.test(name.toString())) child.kill('SIGKILL');
    });
    const { code } = await done;
    w.close();
    expect(code).toBeNull(); // killed, not finished

    const landed = (await readdir(to)).filter((n) => n.endsWith('.JPG'));
    expect(landed.length).toBeGreaterThan(0);
    expect(landed.length).toBeLessThan(N);
    for (const n of landed) expect(await sha256(join(to, n)), n).toBe(hashes.get(n));

    // What a kill mid-copy leaves: a .part of a photo not yet landed (made sure of here,
    // as the kill may fall between two files).
    const notLanded = [...hashes.keys()].find((n) => !landed.includes(n))!;
    const parts = (await readdir(to)).filter((n) => n.endsWith('.part'));
    if (!parts.length)
      await writeFile(
        join(to, `${notLanded}.part`),
        (await readFile(join(dir, notLanded))).subarray(0, 1000),
      );

    const r = await cli(['ingest', card, '--to', to, '--json']);
    expect(r.code).toBe(0);
    const files = lines(r.stdout);
    expect(files).toHaveLength(N);
    // A stale .part took no name: every photo kept the camera's name, none got a suffix.
    expect(files.every((f) => f.dest === f.source.split('/').pop())).toBe(true);
    expect(files.filter((f) => f.status === 'skipped').length).toBeGreaterThanOrEqual(
      landed.length,
    );
    const after = await readdir(to);
    expect(after.filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(after.filter((n) => n.endsWith('.JPG')).sort()).toEqual([...hashes.keys()].sort());
    for (const [n, h] of hashes) expect(await sha256(join(to, n)), n).toBe(h);
  }, 120_000);

  it('says what is wrong with a hot codes file', async () => {
    const hot = join(root, 'bad.tsv');
    await writeFile(hot, 'no tab here\n');
    const r = await cli(['ingest', root, '--to', join(root, 'x'), '--hot-codes', hot]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 1');
  });
});
