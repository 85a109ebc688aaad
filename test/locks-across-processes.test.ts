import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockJob } from '../electron/core/outbox/job-lock';
import type { OutboxJob } from '../electron/core/outbox';
import { acquirePidLock, pidLockIsStale, pidLockOwner } from '../electron/core/fs/pid-lock';
import { bootId, startTick } from '../electron/core/util/process-identity';
import { REPO, tempDir } from './helpers/fixtures';
import { startCli, type CliExit } from './helpers/run-cli';
import { makePackage } from './helpers/servers/package-fixture';
import { tree, waitUntil } from './helpers/servers/outbox-harness';
import { startSshd, SSHD, type SshServer } from './helpers/servers/sshd';
import { ensureTestUser, serverSkipReason } from './helpers/servers/test-user';

const MB = 1024 * 1024;
const NAME = 'baolaocai-20241226-hai-tien-trinh';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('captiondesk-locks-');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A pid that ran and is gone. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

async function lockFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('a lock left by a process that is gone is taken over', () => {
  it('a dead pid is stale; a live one (pid 1, this very boot) is not', async () => {
    expect(await pidLockIsStale(await lockFile('dead.lock', `${deadPid()}\n`))).toBe(true);
    const boot = bootId();
    const live = `1\n${boot ? `boot ${boot}\nstart ${startTick(1)}\n` : ''}`;
    expect(await pidLockIsStale(await lockFile('live.lock', live))).toBe(false);
  });

  it.skipIf(!bootId())(
    'the same pid running again after a reboot, or reused by another process, is stale',
    async () => {
      // pid 1 is alive, but the lock was written in another boot: it cannot be that process.
      const otherBoot = await lockFile('reboot.lock', '1\nboot 00000000-dead-beef\nstart 1\n');
      expect(await pidLockIsStale(otherBoot)).toBe(true);
      // Same boot, but the process under that pid started at another tick: a reused pid.
      const reused = await lockFile('reused.lock', `1\nboot ${bootId()}\nstart 999999999\n`);
      expect(await pidLockIsStale(reused)).toBe(true);
      // And a waiting taker gets it instead of waiting for ever.
      const release = await acquirePidLock(reused);
      expect(await pidLockOwner(reused)).toBe(process.pid);
      await release();
      expect(existsSync(reused)).toBe(false);
    },
  );

  it('an outbox job held by a live process is reported with its pid, not taken', async () => {
    const jobs = join(dir, 'jobs');
    await mkdir(jobs);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(join(jobs, 'j1.lock'), `${holder.pid}\n`);
      expect(await lockJob(jobs, 'j1')).toEqual({ heldBy: holder.pid });
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // Its holder was killed: the next sender takes the job over.
    const taken = await lockJob(jobs, 'j1');
    expect('release' in taken).toBe(true);
    expect(await pidLockOwner(join(jobs, 'j1.lock'))).toBe(process.pid);
    if ('release' in taken) await taken.release();
  });
});

/** `node --import tsx` on a test script, its output collected like startCli's. */
function startScript(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit: CliExit = { code: null, out: '', err: '', all: '' };
  child.stdout.on('data', (d: Buffer) => void (exit.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (exit.err += d.toString()));
  const done = new Promise<CliExit>((resolve) =>
    child.on('close', (code) => resolve({ ...exit, all: exit.out + exit.err, code })),
  );
  return { child, done };
}

const skip = serverSkipReason([SSHD]);
if (skip) console.info(`two processes on one outbox job: skipped, ${skip}`);

describe.skipIf(skip)('two processes, one outbox job', () => {
  let ssh: SshServer;
  beforeAll(async () => {
    ssh = await startSshd(join(dir, 'ssh'), await ensureTestUser());
  });
  afterAll(async () => {
    await ssh?.stop();
  });

  it.each([
    ['start at the same moment', 'together'],
    ['start one after the other (the CLI once the app sends)', 'app-first'],
    ['start one after the other (the app once the CLI sends)', 'cli-first'],
  ] as const)(
    'the app and a CLI `outbox retry` %s: each file is sent once',
    async (_, order) => {
      const name = `${NAME}-${order}`;
      const pkg = await makePackage(dir, name, [6 * MB, 300_000]);
      const env = {
        CAPTIONDESK_DATA_DIR: join(dir, `data-${order}`),
        CAPTIONDESK_CACHE_DIR: join(dir, 'cache'),
      };
      const url = `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}`;
      const part = join(ssh.inbox, name, `${name}-01.jpg.part`);

      // A first upload is killed mid-file: its job says `running`, its lock names a dead pid.
      const first = startCli(
        [
          'upload',
          pkg.path,
          '--to',
          url,
          '--identity',
          ssh.clientKey,
          '--trust-new-host-key',
        ].concat(['--limit', '768']),
        env,
      );
      await waitUntil(
        '1 MB on the server',
        async () => (await stat(part).catch(() => ({ size: 0 }))).size > MB,
        60_000,
      );
      first.child.kill('SIGKILL');
      expect((await first.done).code).toBeNull();
      const jobsDir = join(dir, `data-${order}`, 'outbox', 'jobs');
      const id = (await readdir(jobsDir)).find((n) => n.endsWith('.json'))!.slice(0, -5);
      expect(await pidLockOwner(join(jobsDir, `${id}.lock`))).toBe(first.child.pid);
      expect(await pidLockIsStale(join(jobsDir, `${id}.lock`))).toBe(true);
      const held = (await stat(part)).size;
      const mark = ssh.log().length;

      // Now the app starts (and resumes the job by itself) and the reporter runs `outbox
      // retry` on it in a terminal: together, or the CLI first and the app once it sends.
      const lock = join(jobsDir, `${id}.lock`);
      const holds = (p: ChildProcess) =>
        waitUntil('the first one holds the job', async () => (await pidLockOwner(lock)) === p.pid);
      let app: ReturnType<typeof startScript>;
      let cli: ReturnType<typeof startCli>;
      if (order === 'app-first') {
        app = startScript('test/fixtures-scripts/outbox-app.ts', [id], env);
        await holds(app.child);
        cli = startCli(['outbox', 'retry', id], env);
      } else {
        cli = startCli(['outbox', 'retry', id], env);
        if (order === 'cli-first') await holds(cli.child);
        app = startScript('test/fixtures-scripts/outbox-app.ts', [id], env);
      }
      const [appExit, cliExit] = await Promise.all([app.done, cli.done]);
      console.info(
        `app (pid ${app.child.pid}):\n${appExit.all}\ncli (pid ${cli.child.pid}):\n${cliExit.all}`,
      );
      expect(appExit.code, appExit.all).toBe(0);
      expect(appExit.out).toMatch(/^final done$/m);
      expect(cliExit.code, cliExit.all).toBe(0);
      expect(cliExit.out).toMatch(new RegExp(`^${id}\\tdone\\t100%`, 'm'));

      // One of them sent it; the other said who did, and reported the end.
      const cliWaited = cliExit.err.includes(
        `being sent by another CaptionDesk (pid ${app.child.pid})`,
      );
      const appWaited = appExit.out.includes(
        `label being sent by another CaptionDesk (pid ${cli.child.pid})`,
      );
      expect([cliWaited, appWaited].filter(Boolean), appExit.all + cliExit.all).toHaveLength(1);
      if (order !== 'together') expect(appWaited).toBe(order === 'cli-first');
      if (cliWaited) expect(cliExit.err).toMatch(/job \w+: done \(another CaptionDesk, pid \d+/);

      // The server's own log since the race began: one SFTP session sent the package.
      const log = ssh.log().slice(mark);
      const sessions = log.match(/Starting session: subsystem 'sftp'/g)?.length ?? 0;
      console.info(
        `two processes (${order}): the killed upload left ${held} bytes and a stale lock, taken over; in the race ${sessions} SFTP session sent the rest; ${cliWaited ? 'the CLI' : 'the app'} waited for the other`,
      );
      expect(sessions, log).toBe(1);

      const got = await tree(join(ssh.inbox, name));
      for (const [name, bytes] of pkg.members)
        expect(got.get(name)?.equals(bytes), name).toBe(true);
      expect([...got.keys()].some((k) => k.endsWith('.part'))).toBe(false);
      const saved = JSON.parse(await readFile(join(jobsDir, `${id}.json`), 'utf8')) as OutboxJob;
      expect(saved.state).toBe('done');
      expect(saved.resumes.find((r) => r.file === `${name}-01.jpg`)!.offset).toBeGreaterThanOrEqual(
        held,
      );
      expect(existsSync(join(jobsDir, `${id}.lock`))).toBe(false);
    },
    120_000,
  );
});
