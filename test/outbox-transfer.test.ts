import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { outboxCore, tree } from './helpers/servers/outbox-harness';
import { SSHD } from './helpers/servers/sshd';
import { VSFTPD } from './helpers/servers/vsftpd';
import { serverSkipReason } from './helpers/servers/test-user';
import { sendAndWait, useOutboxServers } from './helpers/servers/outbox-servers';

const skip = serverSkipReason([SSHD, VSFTPD]);
if (skip) console.warn(`outbox server tests skipped: ${skip}`);

/** Each destination kind, against real servers: the files arrive byte-identical, no .part left. */
describe.skipIf(skip)('outbox: happy path per destination kind', () => {
  const s = useOutboxServers(
    'captiondesk-outbox-',
    'baolaocai-20241226-lu-quet',
    [300_000, 1_200_000, 5_000],
  );

  const expectDelivered = async (root: string) => {
    const got = await tree(join(root, 'baolaocai-20241226-lu-quet'));
    for (const [name, bytes] of s.pkg.members)
      expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect([...got.keys()].filter((k) => k.endsWith('.part'))).toEqual([]);
    const ready = JSON.parse(got.get('READY')!.toString()) as { sha256: string };
    expect(ready.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(got.size).toBe(s.pkg.members.size + 1);
  };

  it('file:// (a local or mounted folder)', async () => {
    const { core } = outboxCore(join(s.dir, 'data-file'));
    const inbox = join(s.dir, 'file-inbox');
    const d = await core.api.saveDestination({ url: `file://${inbox}` });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.state).toBe('done');
    await expectDelivered(inbox);
  });

  it('SFTP with a key, host key pinned on first contact when trusted', async () => {
    const { core } = outboxCore(join(s.dir, 'data-sftp-key'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}/key`,
      identityFile: s.ssh.clientKey,
      trustNewHostKey: true,
    });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    await expectDelivered(join(s.ssh.inbox, 'key'));
    const [saved] = await core.api.listDestinations({});
    expect(saved!.fingerprint).toBe(s.ssh.fingerprint());
  });

  it('SFTP with a password, the host key pinned up front', async () => {
    const { core } = outboxCore(join(s.dir, 'data-sftp-pw'));
    const d = await core.api.saveDestination({
      url: `sftp://cdtest@127.0.0.1:${s.ssh.port}${s.ssh.inbox}/pw`,
      fingerprint: s.ssh.fingerprint(),
      password: s.password,
    });
    expect(d.hasPassword).toBe(true);
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(s.ssh.inbox, 'pw'));
  });

  it('FTP', async () => {
    const { core } = outboxCore(join(s.dir, 'data-ftp'));
    const d = await core.api.saveDestination({
      url: `ftp://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}/plain`,
      password: s.password,
    });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(s.ftp.inbox, 'plain'));
  });

  it('FTPS (explicit TLS), certificate pinned', async () => {
    const { core } = outboxCore(join(s.dir, 'data-ftps'));
    const d = await core.api.saveDestination({
      url: `ftps://cdtest@127.0.0.1:${s.ftp.port}${s.ftp.inbox}/tls`,
      fingerprint: s.ftp.fingerprint,
      password: s.password,
    });
    const job = await sendAndWait(core, s.pkg.path, d.id);
    expect(job.lastError).toBeNull();
    await expectDelivered(join(s.ftp.inbox, 'tls'));
    expect(await s.ftp.log()).toMatch(/AUTH TLS/);
  });
});
