// Child process for the two-process test: the app's core (browser mode: its outbox resumes
// interrupted jobs by itself at start), as `npm run web` makes it, on CAPTIONDESK_DATA_DIR.
// Prints each label the outbox gives job <id>, then `final <state>` once the job has ended.
import '../../electron/core/util/threadpool';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { userDirs } from '../../electron/core/user-dirs';

const [id] = process.argv.slice(2) as [string];
const core = createCore({
  ...userDirs(),
  sampleDir: join(import.meta.dirname, '../../assets/sample-event'),
  mode: 'web',
  version: '0.1.0-test',
});
let last = '';
core.on((e) => {
  if (e.type !== 'progress' || e.job !== `outbox:${id}` || e.label === last) return;
  last = e.label;
  process.stdout.write(`label ${e.label}\n`);
});
const ended = new Set(['done', 'already-there', 'failed', 'cancelled']);
for (;;) {
  const job = (await core.api.outboxList({})).find((j) => j.id === id);
  if (job && ended.has(job.state)) {
    process.stdout.write(`final ${job.state}\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 50));
}
await core.close();
