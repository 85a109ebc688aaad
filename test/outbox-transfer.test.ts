import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { outboxCore, tree } from './helpers/servers/outbox-harness';
import { SSHD, type SshServer } from './helpers/servers/sshd';
import { VSFTPD, type FtpServer } from './helpers/servers/vsftpd';
import { serverSkipReason } from './helpers/servers/test-user';
import {
  sendAndWait,
  startOutboxServers,
  type OutboxServers,
} from './helpers/servers/outbox-servers';

const skip = serverSkipReason([SSHD, VSFTPD]);
if (skip) console.warn(`outbox server tests skipped: ${skip}`);

/** Each destination kind, against real servers: the files arrive byte-identical, no .part left. */
describe.skipIf(skip)('outbox: happy path per destination kind', () => {
  let servers: OutboxServers | undefined;
  let dir: string;
  let ssh: SshServer;
  let ftp: FtpServer;
  let pkg: OutboxServers['pkg'];
  let password: string;

  beforeAll(async () => {
    servers = await startOutboxServers(
      'captiondesk-outbox-',
      'baolaocai-20241226-lu-quet',
      [300_000, 1_200_000, 5_000],
    );
    ({ dir, ssh, ftp, pkg, password } = servers);
  });
  afterAll(() => servers?.stop());

  const expectDelivered = async (root: string) => {
    const got = await tree(join(root, 'baolaocai-20241226-lu-quet'));
    for (const [name, bytes] of pkg.members) expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect([...got.keys()].filter((k) => k.endsWith('.part'))).toEqual([]);
    const ready = JSON.parse(got.get('READY')!.toString()) as { sha256: string };
    expect(ready.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(got.size).toBe(pkg.members.size + 1);
  };

  it('file:// (a local or mounted folder)', async () => {
    const { core } = outboxCore(join(dir, 'data-file'));
    const inbox = join(dir, 'file-inbox');
    const d = await core.api.saveDestination({ url: `file://${inbox}` });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.state).toBe('done');
    await expectDelivered(inbox);
  });

  it('SFTP with a key, host key pinned on first contact when trusted', async () => {
    const { core } = outboxCore(join(dir, 'data-sftp-key'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/key`,
      identityFile: ssh.clientKey,
      trustNewHostKey: true,
    });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    await expectDelivered(join(ssh.inbox, 'key'));
    const [saved] = await core.api.listDestinations({});
    expect(saved!.fingerprint).toBe(ssh.fingerprint());
  });

  it('SFTP with a password, the host key pinned up front', async () => {
    const { core } = outboxCore(join(dir, 'data-sftp-pw'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/pw`,
      fingerprint: ssh.fingerprint(),
      password,
    });
    expect(d.hasPassword).toBe(true);
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(ssh.inbox, 'pw'));
  });

  it('FTP', async () => {
    const { core } = outboxCore(join(dir, 'data-ftp'));
    const d = await core.api.saveDestination({
      url: `ftp://cdtest@127.0.0.1:${ftp.port}${ftp.inbox}/plain`,
      password,
    });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(ftp.inbox, 'plain'));
  });

  it('FTPS (explicit TLS), certificate pinned', async () => {
    const { core } = outboxCore(join(dir, 'data-ftps'));
    const d = await core.api.saveDestination({
      url: `ftps://cdtest@127.0.0.1:${ftp.port}${ftp.inbox}/tls`,
      fingerprint: ftp.fingerprint,
      password,
    });
    const job = await sendAndWait(core, pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(ftp.inbox, 'tls'));
    expect(await ftp.log()).toMatch(/AUTH TLS/);
  });
});
