// Child process for the kill-at-volume test: one kind of save, over and over, on the real
// core, until it is killed. After each save has returned it prints `saved …` (stdout is a
// pipe, written synchronously on Linux), so the parent knows what was saved before the kill.
//   save-at-volume.ts <caption|article|package|review|ingest|send> <work dir> <first index>
import '../../electron/core/util/threadpool';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { emptyTemplate } from '../../electron/core/captioning/event-store';

const [kind, work, first] = process.argv.slice(2) as [string, string, string];
const core = createCore({
  dataDir: join(work, 'data'),
  cacheDir: join(work, 'cache'),
  sampleDir: join(import.meta.dirname, '../../assets/sample-event'),
  mode: 'cli',
  version: '0.1.0-test',
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const photos = join(work, 'photos');
const articleId = process.env.ARTICLE_ID ?? '';

export const captionText = (i: number) =>
  `Chú thích số ${i}: Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh Lào Cai.`;
export const headlineText = (i: number) =>
  `Bài số ${i}: Lấy công tác chăm lo, bảo vệ quyền lợi cho đoàn viên làm thước đo hiệu quả`;

/** The newest version of the reviewed package: `bai.zip`, `bai-v2.zip`, … */
async function newestVersion(dir: string): Promise<string> {
  let best = { v: 1, name: 'bai.zip' };
  for (const n of await readdir(dir)) {
    const v = Number(/^bai-v(\d+)\.zip$/.exec(n)?.[1] ?? 0);
    if (v > best.v) best = { v, name: n };
  }
  return join(dir, best.name);
}

const steps: Record<string, () => Promise<(i: number) => Promise<string>>> = {
  async caption() {
    await core.api.openFolder({ path: photos });
    const files = (await readdir(photos)).filter((n) => /\.jpe?g$/i.test(n)).sort();
    return async (i) => {
      const file = files[i % files.length]!;
      await core.api.setFields({
        folder: photos,
        files: [file],
        fields: { caption: captionText(i) },
        culling: {},
      });
      return `${file} ${i}`;
    };
  },
  async article() {
    await core.api.openFolder({ path: photos });
    const a = await core.api.getArticle({ folder: photos, id: articleId });
    return async (i) => {
      await core.api.saveArticle({ folder: photos, article: { ...a, headline: headlineText(i) } });
      return `${i}`;
    };
  },
  async package() {
    await core.api.openFolder({ path: photos });
    return async (i) => {
      const r = await core.api.buildPackage({
        folder: photos,
        articleId,
        out: join(work, 'out', `baolaocai-${i}.zip`),
        preset: 'nhanh',
        outlet: 'baolaocai',
        initials: 'tl',
      });
      return `${r.path} ${r.sha256}`;
    };
  },
  async review() {
    const dir = join(work, 'review');
    return async (i) => {
      const r = await core.api.saveReview({
        path: await newestVersion(dir),
        reviewer: 'Biên tập viên Minh',
        role: 'editor',
        decision: 'edited',
        edits: { headline: `Tiêu đề sửa lần ${i}: Hội nghị Liên đoàn Lao động tỉnh` },
        comments: [],
      });
      return `${r.path} ${r.sha256} ${r.version}`;
    };
  },
  async ingest() {
    const template = emptyTemplate();
    template.event = 'Hội nghị Liên đoàn Lao động tỉnh';
    template.city = { value: 'Lào Cai', apply: true };
    template.caption = { value: 'Quang cảnh {event} tại {city}.', apply: true };
    return async (i) => {
      const r = await core.api.ingest({
        sources: [join(work, 'card')],
        to: join(work, 'ingest', `dest-${i}`),
        template,
      });
      if (r.failed) throw new Error(JSON.stringify(r.files.filter((f) => f.error)));
      return `dest-${i} ${r.copied}`;
    };
  },
  async send() {
    return async (i) => {
      const d = await core.api.saveDestination({
        url: `file://${join(work, 'share', `dest-${i}`)}`,
      });
      const job = await core.api.outboxEnqueue({
        packagePath: join(work, 'bai.zip'),
        destination: d.id,
        wait: true,
      });
      if (job.state !== 'done') throw new Error(JSON.stringify(job));
      return `dest-${i} ${job.id}`;
    };
  },
};

const step = await steps[kind]!();
say('ready');
for (let i = Number(first); ; i++) say(`saved ${await step(i)}`);
