import { describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { outboxCore, tree, waitUntil } from './helpers/servers/outbox-harness';
import { SSHD } from './helpers/servers/sshd';
import { VSFTPD } from './helpers/servers/vsftpd';
import { serverSkipReason } from './helpers/servers/test-user';
import { useOutboxServers } from './helpers/servers/outbox-servers';
import type { Core } from '../electron/core/app-core-types';

const skip = serverSkipReason([SSHD, VSFTPD]);
const MB = 1024 * 1024;
const BIG = 'baolaocai-20241226-lu-quet-01.jpg';

async function partSize(path: string): Promise<number> {
  return (await stat(path).catch(() => ({ size: 0 }))).size;
}

/**
 * The server dies mid-transfer and comes back: the job resumes from the byte count the
 * server holds (read from its disk at the moment of the crash), not from zero.
 */
describe.skipIf(skip)('outbox: a server crash mid-transfer resumes from the offset', () => {
  const s = useOutboxServers(
    'captiondesk-resume-',
    'baolaocai-20241226-lu-quet',
    [50 * MB, 400_000],
    120_000,
  );

  async function crashAndResume(
    core: Core,
    destination: string,
    remote: string,
    server: { kill(): Promise<void>; start(): Promise<void> },
  ) {
    const queued = await core.api.outboxEnqueue({
      packagePath: s.pkg.path,
      destination,
      wait: false,
    });
    const part = join(remote, 'baolaocai-20241226-lu-quet', `${BIG}.part`);
    await waitUntil('20 MB on the server', async () => (await partSize(part)) > 20 * MB);
    await server.kill();
    const heldAtCrash = await partSize(part);
    await waitUntil('the job to notice', async () => {
      const j = (await core.api.outboxList({})).find((x) => x.id === queued.id)!;
      return j.state === 'retrying' && j.attempts >= 2;
    });
    await server.start();
    const job = await core.api.outboxRetry({ id: queued.id, wait: true });
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    const got = await tree(join(remote, 'baolaocai-20241226-lu-quet'));
    for (const [name, bytes] of s.pkg.members)
      expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect([...got.keys()].filter((k) => k.endsWith('.part'))).toEqual([]);
    const resume = job.resumes.find((r) => r.file === BIG)!;
    // Resumed exactly where the server's file ended, and sent only the rest.
    expect(resume.offset).toBe(heldAtCrash);
    // Starting over would cost bytesTotal + heldAtCrash; only what was in flight is lost.
    expect(job.bytesSent).toBeLessThan(job.bytesTotal + heldAtCrash / 2);
    console.info(
      `${destination}: crash with ${heldAtCrash} bytes on the server; resumed at ${resume.offset}; ` +
        `${job.bytesSent} bytes on the wire for a ${job.bytesTotal}-byte package`,
    );
    return { heldAtCrash, job };
  }

  it('SFTP: sshd SIGKILLed, restarted; the .part is continued', async () => {
    const { core } = outboxCore(join(s.dir, 'data-sftp'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}`,
      identityFile: s.ssh.clientKey,
      fingerprint: s.ssh.fingerprint(),
      limitKBps: 24 * 1024,
    });
    await crashAndResume(core, d.id, s.ssh.inbox, s.ssh);
  }, 90_000);

  it('FTP: vsftpd SIGKILLed, restarted; APPE continues the .part', async () => {
    const { core } = outboxCore(join(s.dir, 'data-ftp'));
    const d = await core.api.saveDestination({
      url: `ftp://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}`,
      password: s.password,
      limitKBps: 24 * 1024,
    });
    await crashAndResume(core, d.id, s.ftp.inbox, s.ftp);
    const log = await s.ftp.log();
    expect(log).toMatch(new RegExp(`APPE [^\\n]*${BIG}\\.part`));
    const appe = log.split('\n').filter((l) => /APPE|STOR/.test(l) && l.includes(BIG));
    console.info(`vsftpd log:\n${appe.join('\n')}`);
  }, 90_000);
});
