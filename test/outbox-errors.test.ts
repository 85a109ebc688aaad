import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from './helpers/fixtures';
import { createCore } from '../electron/core/app-core';
import { makePackage } from './helpers/servers/package-fixture';
import { outboxCore, tree, waitUntil } from './helpers/servers/outbox-harness';
import { SSHD } from './helpers/servers/sshd';
import { VSFTPD } from './helpers/servers/vsftpd';
import { serverSkipReason } from './helpers/servers/test-user';
import { sendAndWait, useOutboxServers } from './helpers/servers/outbox-servers';
import { startCli } from './helpers/run-cli';

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
  const s = useOutboxServers('captiondesk-outbox-err-', 'baolaocai-20241226-loi', [200_000, 3000]);

  it('a wrong password fails with auth-failed, and the job is kept for a retry', async () => {
    const { core } = outboxCore(join(s.dir, 'data-wrong'));
    for (const url of [
      `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}/wrong`,
      `ftp://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}/wrong`,
    ]) {
      const d = await core.api.saveDestination({
        url,
        password: 'not-the-password',
        fingerprint: url.startsWith('sftp') ? s.ssh.fingerprint() : null,
      });
      const job = await sendAndWait(core, s.pkg.path, d.id);
      expect(job.state).toBe('failed');
      expect(job.lastError?.code).toBe('auth-failed');
      expect(job.lastError?.message).toMatch(/refused the user name or password/);
      expect(job.attempts).toBe(1); // no retry storm against a locked-out account
    }
    expect((await core.api.outboxList({})).filter((j) => j.state === 'failed')).toHaveLength(2);
  });

  it('first contact asks for the host key; accepting it lets the job through', async () => {
    const { core } = outboxCore(join(s.dir, 'data-tofu'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}/tofu`,
      identityFile: s.ssh.clientKey,
    });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.lastError?.code).toBe('host-key-unknown');
    expect(job.lastError?.fingerprint).toBe(s.ssh.fingerprint());
    await core.api.acceptHostKey({ destination: d.id, fingerprint: job.lastError!.fingerprint! });
    const again = await core.api.outboxRetry({ id: job.id, wait: true });
    expect(again.state).toBe('done');
  });

  it('a changed host key refuses the send with a warning, nothing is written', async () => {
    const { core } = outboxCore(join(s.dir, 'data-changed'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}/changed`,
      identityFile: s.ssh.clientKey,
      fingerprint: s.ssh.fingerprint(),
    });
    await s.ssh.kill();
    await s.ssh.start({ newHostKey: true });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('host-key-changed');
    expect(job.lastError?.message).toMatch(/^WARNING: .*different key/);
    expect(job.lastError?.fingerprint).toBe(s.ssh.fingerprint());
    await expect(readdir(join(s.ssh.inbox, 'changed'))).rejects.toThrow();
    expect((await core.api.listDestinations({}))[0]!.fingerprint).not.toBe(s.ssh.fingerprint());
  });

  it('the same package twice is published once: "already there"', async () => {
    const { core } = outboxCore(join(s.dir, 'data-dup'));
    const url = `ftp://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}/dup`;
    const d = await core.api.saveDestination({ url, password: s.password });
    const first = await sendAndWait(core, s.pkg.path, d.id);
    expect(first.state).toBe('done');
    const second = await sendAndWait(core, s.pkg.path, d.id);
    expect(second.state).toBe('already-there');
    // Another machine (no local record) sees the server's READY marker instead.
    const other = outboxCore(join(s.dir, 'data-dup-2')).core;
    const d2 = await other.api.saveDestination({ url, password: s.password });
    const third = await sendAndWait(other, s.pkg.path, d2.id);
    expect(third.state).toBe('already-there');
    expect((await s.ftp.log()).match(/STOR [^\n]*-01\.jpg\.part/g)).toHaveLength(1);
    expect((await tree(join(s.ftp.inbox, 'dup'))).size).toBe(s.pkg.members.size + 1);
  });

  it('cancel stops a running job; retry picks it up from the offset', async () => {
    const { core } = outboxCore(join(s.dir, 'data-cancel'));
    const big = await makePackage(s.dir, 'baolaocai-20241226-huy', [4 * 1024 * 1024]);
    const inbox = join(s.dir, 'cancel-inbox');
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
    // It resumed where the cut left the file, not from zero. More than 1 MiB had gone into
    // the stream; one 64 KiB stream buffer of it may not have reached the disk yet.
    expect(again.resumes[0]!.offset).toBeGreaterThanOrEqual(1024 * 1024 - 64 * 1024);
  });

  it('offline: a job waits without burning attempts', async () => {
    let online = false;
    const { core } = outboxCore(join(s.dir, 'data-offline'));
    const offline = createOfflineCore(join(s.dir, 'data-offline-2'), () => online);
    const d = await offline.api.saveDestination({
      url: 'sftp://cdtest@192.0.2.1/inbox',
      password: s.password,
    });
    const job = await offline.api.outboxEnqueue({
      packagePath: s.pkg.path,
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
    const data = join(s.dir, 'data-secret');
    const { done } = startCli(
      [
        'upload',
        s.pkg.path,
        '--to',
        `ftps://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}/secret`,
        '--host-key',
        s.ftp.fingerprint,
      ],
      {
        CAPTIONDESK_DATA_DIR: data,
        CAPTIONDESK_CACHE_DIR: join(s.dir, 'cache-secret'),
        CAPTIONDESK_PASSWORD: s.password,
      },
    );
    const { code, all: out } = await done;
    expect(out).toMatch(/^sent baolaocai-20241226-loi/);
    expect(code).toBe(0);
    expect(out).not.toContain(s.password);
    expect(await grepDir(data, s.password)).toEqual([]);
    // In-process too: events and the data dir of every run above.
    expect(
      await grepDir(s.dir, s.password).then((h) => h.filter((p) => p.includes('/data-'))),
    ).toEqual([]);
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
