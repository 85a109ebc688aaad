import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from './helpers/fixtures';
import { createCore } from '../electron/core/app-core';
import { makePackage } from './helpers/servers/package-fixture';
import { outboxCore, tree, waitUntil } from './helpers/servers/outbox-harness';
import { SSHD, type SshServer } from './helpers/servers/sshd';
import { VSFTPD, type FtpServer } from './helpers/servers/vsftpd';
import { serverSkipReason } from './helpers/servers/test-user';
import {
  sendAndWait,
  startOutboxServers,
  type OutboxServers,
} from './helpers/servers/outbox-servers';

const skip = serverSkipReason([SSHD, VSFTPD]);

async function grepDir(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    if ((await readFile(full)).includes(needle)) hits.push(full);
  }
  return hits;
}

describe.skipIf(skip)('outbox: errors in plain words, duplicates, secrets', () => {
  let servers: OutboxServers | undefined;
  let dir: string;
  let ssh: SshServer;
  let ftp: FtpServer;
  let pkg: OutboxServers['pkg'];
  let password: string;

  beforeAll(async () => {
    servers = await startOutboxServers(
      'captiondesk-outbox-err-',
      'baolaocai-20241226-loi',
      [200_000, 3000],
    );
    ({ dir, ssh, ftp, pkg, password } = servers);
  });
  afterAll(() => servers?.stop());

  it('a wrong password fails with auth-failed, and the job is kept for a retry', async () => {
    const { core } = outboxCore(join(dir, 'data-wrong'));
    for (const url of [
      `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/wrong`,
      `ftp://cdtest@127.0.0.1:${ftp.port}${ftp.inbox}/wrong`,
    ]) {
      const d = await core.api.saveDestination({
        url,
        password: 'not-the-password',
        fingerprint: url.startsWith('sftp') ? ssh.fingerprint() : null,
      });
      const job = await sendAndWait(core, pkg.path, d.id);
      expect(job.state).toBe('failed');
      expect(job.lastError?.code).toBe('auth-failed');
      expect(job.lastError?.message).toMatch(/refused the user name or password/);
      expect(job.attempts).toBe(1); // no retry storm against a locked-out account
    }
    expect((await core.api.outboxList({})).filter((j) => j.state === 'failed')).toHaveLength(2);
  });

  it('first contact asks for the host key; accepting it lets the job through', async () => {
    const { core } = outboxCore(join(dir, 'data-tofu'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/tofu`,
      identityFile: ssh.clientKey,
    });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.lastError?.code).toBe('host-key-unknown');
    expect(job.lastError?.fingerprint).toBe(ssh.fingerprint());
    await core.api.acceptHostKey({ destination: d.id, fingerprint: job.lastError!.fingerprint! });
    const again = await core.api.outboxRetry({ id: job.id, wait: true });
    expect(again.state).toBe('done');
  });

  it('a changed host key refuses the send with a warning, nothing is written', async () => {
    const { core } = outboxCore(join(dir, 'data-changed'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/changed`,
      identityFile: ssh.clientKey,
      fingerprint: ssh.fingerprint(),
    });
    await ssh.kill();
    await ssh.start({ newHostKey: true });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('host-key-changed');
    expect(job.lastError?.message).toMatch(/^WARNING: .*different key/);
    expect(job.lastError?.fingerprint).toBe(ssh.fingerprint());
    await expect(readdir(join(ssh.inbox, 'changed'))).rejects.toThrow();
    expect((await core.api.listDestinations({}))[0]!.fingerprint).not.toBe(ssh.fingerprint());
  });

  it('the same package twice is published once: "already there"', async () => {
    const { core } = outboxCore(join(dir, 'data-dup'));
    const url = `ftp://cdtest@127.0.0.1:${ftp.port}${ftp.inbox}/dup`;
    const d = await core.api.saveDestination({ url, password });
    const first = await sendAndWait(core, pkg.path, d.id);
    expect(first.state).toBe('done');
    const second = await sendAndWait(core, pkg.path, d.id);
    expect(second.state).toBe('already-there');
    // Another machine (no local record) sees the server's READY marker instead.
    const other = outboxCore(join(dir, 'data-dup-2')).core;
    const d2 = await other.api.saveDestination({ url, password });
    const third = await sendAndWait(other, pkg.path, d2.id);
    expect(third.state).toBe('already-there');
    expect((await ftp.log()).match(/STOR [^\n]*-01\.jpg\.part/g)).toHaveLength(1);
    expect((await tree(join(ftp.inbox, 'dup'))).size).toBe(pkg.members.size + 1);
  });

  it('cancel stops a running job; retry picks it up from the offset', async () => {
    const { core } = outboxCore(join(dir, 'data-cancel'));
    const big = await makePackage(dir, 'baolaocai-20241226-huy', [4 * 1024 * 1024]);
    const inbox = join(dir, 'cancel-inbox');
    const d = await core.api.saveDestination({ url: `file://${inbox}`, limitKBps: 4096 });
    const job = await core.api.outboxEnqueue({
      packagePath: big.path,
      destination: d.id,
      wait: false,
    });
    await waitUntil('1 MB sent', async () =>
      (await core.api.outboxList({})).some((j) => j.id === job.id && j.bytesDone > 1024 * 1024),
    );
    expect((await core.api.outboxCancel({ id: job.id })).state).toBe('cancelled');
    const again = await core.api.outboxRetry({ id: job.id, wait: true });
    expect(again.state).toBe('done');
    expect(again.resumes[0]!.offset).toBeGreaterThan(1024 * 1024);
  });

  it('offline: a job waits without burning attempts', async () => {
    let online = false;
    const { core } = outboxCore(join(dir, 'data-offline'));
    const offline = createOfflineCore(join(dir, 'data-offline-2'), () => online);
    const d = await offline.api.saveDestination({ url: 'sftp://cdtest@192.0.2.1/inbox', password });
    const job = await offline.api.outboxEnqueue({
      packagePath: pkg.path,
      destination: d.id,
      wait: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    const waiting = (await offline.api.outboxList({})).find((j) => j.id === job.id)!;
    expect(waiting.state).toBe('waiting-offline');
    expect(waiting.attempts).toBe(0);
    await offline.api.outboxCancel({ id: job.id });
    online = true;
    expect(await core.api.outboxList({})).toEqual([]);
  });

  it('the password never reaches a file, stdout or stderr (CLI, CAPTIONDESK_PASSWORD)', async () => {
    const data = join(dir, 'data-secret');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/main.ts',
        'upload',
        pkg.path,
        '--to',
        `ftps://cdtest@127.0.0.1:${ftp.port}${ftp.inbox}/secret`,
        '--host-key',
        ftp.fingerprint,
      ],
      {
        cwd: REPO,
        env: {
          ...process.env,
          CAPTIONDESK_DATA_DIR: data,
          CAPTIONDESK_CACHE_DIR: join(dir, 'cache-secret'),
          CAPTIONDESK_PASSWORD: password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise((r) => child.on('close', r));
    expect(out).toMatch(/^sent baolaocai-20241226-loi/);
    expect(code).toBe(0);
    expect(out).not.toContain(password);
    expect(await grepDir(data, password)).toEqual([]);
    // In-process too: events and the data dir of every run above.
    expect(await grepDir(dir, password).then((h) => h.filter((p) => p.includes('/data-')))).toEqual(
      [],
    );
  });
});

function createOfflineCore(dataDir: string, isOnline: () => boolean) {
  return createCore({
    dataDir,
    cacheDir: join(dataDir, 'cache'),
    sampleDir: join(REPO, 'assets/sample-event'),
    mode: 'cli',
    version: '0.1.0-test',
    outbox: { isOnline, offlinePollMs: 50 },
  });
}
