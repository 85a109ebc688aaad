/**
 * Ingest throughput against `cp` followed by `sha256sum` of the copies, on the same
 * files in the same run (the goal: ≥ 0.8×). Not a test: it prints, never fails.
 * Usage: npx tsx bench/ingest-speed.ts [--n 200] [--mb 24]   (24 MB ≈ a 24 MP RAW)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { tempDir } from '../test/helpers/fixtures';
import { runIngest } from '../electron/core/ingest/run-ingest';

const run = promisify(execFile);
const { values } = parseArgs({
  options: { n: { type: 'string', default: '100' }, mb: { type: 'string', default: '24' } },
});
const N = Number(values.n);
const MB = Number(values.mb);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const dir = await tempDir('captiondesk-bench-ingest-');
  const card = join(dir, 'card', 'DCIM', '100CANON');
  await mkdir(card, { recursive: true });
  const block = randomBytes(MB * 1024 * 1024);
  for (let i = 1; i <= N; i++) {
    // Each file distinct (its first bytes), so nothing is skipped as already in.
    block.writeUInt32BE(i, 0);
    await writeFile(join(card, `IMG_${String(i).padStart(4, '0')}.CR3`), block);
  }
  const total = N * MB;
  const cpTo = join(dir, 'cp');
  const cpSeconds = await timed(async () => {
    await run('cp', ['-r', card, cpTo]);
    const files = (await readdir(cpTo)).map((f) => join(cpTo, f));
    await run('sha256sum', files, { maxBuffer: 16 << 20 });
  });
  const oursSeconds = await timed(() =>
    runIngest({
      sources: [join(dir, 'card')],
      to: join(dir, 'ingest'),
      backup: null,
      rename: null,
      template: null,
      hotCodes: [],
      sidecarNaming: 'base',
    }),
  );
  const [l1, l5] = os.loadavg();
  console.log(
    `ingest benchmark: ${N} files of ${MB} MB (${total} MB), page cache warm, ${os.availableParallelism()} cores, load ${l1!.toFixed(2)} ${l5!.toFixed(2)}`,
  );
  console.log(
    `  cp -r + sha256sum : ${cpSeconds.toFixed(2)} s  ${(total / cpSeconds).toFixed(0)} MB/s`,
  );
  console.log(
    `  captiondesk ingest: ${oursSeconds.toFixed(2)} s  ${(total / oursSeconds).toFixed(0)} MB/s  (.part, fsync, sha256 read back, link)`,
  );
  console.log(`  ratio             : ${(cpSeconds / oursSeconds).toFixed(2)}× (goal ≥ 0.8×)`);
  await rm(dir, { recursive: true, force: true });
}

void main();
