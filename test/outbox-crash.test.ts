import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './helpers/fixtures';
import { makePackage } from './helpers/servers/package-fixture';
import { tree, waitUntil } from './helpers/servers/outbox-harness';
import { startSshd, SSHD, type SshServer } from './helpers/servers/sshd';
import { ensureTestUser, serverSkipReason } from './helpers/servers/test-user';
import type { OutboxJob } from '../electron/core/outbox';
import { startCli } from './helpers/run-cli';

const skip = serverSkipReason([SSHD]);
const MB = 1024 * 1024;
const NAME = 'baolaocai-20241226-crash';
const BIG = `${NAME}-01.jpg`;

/** The app itself dies (SIGKILL) mid-upload; the next start resumes the job. */
describe.skipIf(skip)('outbox: the app crashes mid-transfer', () => {
  let dir: string;
  let ssh: SshServer;

  beforeAll(async () => {
    dir = await tempDir('captiondesk-crash-');
    ssh = await startSshd(join(dir, 'ssh'), await ensureTestUser());
  });
  afterAll(async () => {
    await ssh?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('SIGKILLed CLI upload, started again, resumes from the server offset', async () => {
    const pkg = await makePackage(dir, NAME, [50 * MB, 200_000]);
    const env = {
      CAPTIONDESK_DATA_DIR: join(dir, 'data'),
      CAPTIONDESK_CACHE_DIR: join(dir, 'cache'),
    };
    const url = `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}`;
    const args = ['upload', pkg.path, '--to', url, '--identity', ssh.clientKey];
    const part = join(ssh.inbox, NAME, `${BIG}.part`);

    const first = startCli([...args, '--trust-new-host-key', '--limit', String(16 * 1024)], env);
    await waitUntil(
      '15 MB on the server',
      async () => (await stat(part).catch(() => ({ size: 0 }))).size > 15 * MB,
      60_000,
    );
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull();
    const held = (await stat(part)).size;
    const jobsDir = join(dir, 'data', 'outbox', 'jobs');
    const [jobFile] = await readdir(jobsDir);
    const before = JSON.parse(await readFile(join(jobsDir, jobFile!), 'utf8')) as OutboxJob;
    expect(before.state).toBe('running'); // what a crash leaves behind

    const second = await startCli(args, env).done;
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^sent baolaocai-20241226-crash: 5 files/);
    const after = JSON.parse(await readFile(join(jobsDir, jobFile!), 'utf8')) as OutboxJob;
    expect(after.state).toBe('done');
    const resume = after.resumes.find((r) => r.file === BIG)!;
    expect(resume.offset).toBeGreaterThanOrEqual(held);
    console.info(
      `app crash: ${held} bytes on the server after SIGKILL; the restarted CLI resumed at ${resume.offset}\n${second.out}`,
    );
    const got = await tree(join(ssh.inbox, NAME));
    for (const [name, bytes] of pkg.members) expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect([...got.keys()].some((k) => k.endsWith('.part'))).toBe(false);
  }, 120_000);
});
