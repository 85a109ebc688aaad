/**
 * Export throughput of the package builder on 24 MP camera JPEGs, and the peak
 * memory of the process while it runs: `npx tsx bench/export-speed.ts [--n 24]`.
 * A benchmark, not a test: it prints numbers and asserts nothing.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBenchFolder } from './generate';
import { createCore } from '../electron/core/app-core';

const n = Number(process.argv[process.argv.indexOf('--n') + 1] || 24);
const folder = await ensureBenchFolder(n, 6000, 4000, true);
const state = await mkdtemp(join(tmpdir(), 'captiondesk-export-bench-'));
const core = createCore({
  dataDir: join(state, 'data'),
  cacheDir: join(state, 'cache'),
  sampleDir: join(state, 'none'),
  mode: 'cli',
  version: 'bench',
});

try {
  await core.api.openFolder({ path: folder.dir });
  const files = folder.files.map((f) => f.slice(folder.dir.length + 1));
  const article = await core.api.createArticle({
    folder: folder.dir,
    headline: 'Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh Lào Cai',
  });
  await core.api.saveArticle({
    folder: folder.dir,
    article: {
      ...article,
      sapo: 'Chiều 26/12, hội nghị diễn ra tại Lào Cai.',
      byline: 'Tùng Lâm',
      body: files.map((file, i) => ({ id: `b${i + 1}`, type: 'photo' as const, file })),
    },
  });
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const out = join(state, 'package.zip');
  const t0 = performance.now();
  const result = await core.api.buildPackage({
    folder: folder.dir,
    articleId: article.id,
    out,
    outlet: 'baolaocai',
    initials: 'tl',
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const rows = [
    ['photos (6000×4000 JPEG, ~5.5 MB each)', String(n)],
    ['package build, wall time', `${seconds.toFixed(2)} s`],
    ['throughput', `${(n / seconds).toFixed(2)} photos/s`],
    ['per photo', `${((seconds * 1000) / n).toFixed(0)} ms`],
    ['package size', mb((await stat(out)).size)],
    ['exported long edge', `${Math.max(result.photos[0]!.width, result.photos[0]!.height)} px`],
    ['peak RSS of the process', mb(peak)],
    ['RSS before the build', mb(baseRss)],
  ];
  console.log(
    `CaptionDesk export benchmark — ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| measure | value |\n| --- | ---: |');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
} finally {
  await core.close();
  await rm(state, { recursive: true, force: true });
}
