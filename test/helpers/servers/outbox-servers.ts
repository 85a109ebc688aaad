/**
 * What the outbox tests send to: a temp folder with a real OpenSSH sshd and vsftpd that
 * log in the test user, and a package to send. Stopped and removed in one call, also when
 * starting them failed half-way.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/app-core-types';
import { tempDir } from '../fixtures';
import { makePackage } from './package-fixture';
import { startSshd, type SshServer } from './sshd';
import { ensureTestUser } from './test-user';
import { startVsftpd, type FtpServer } from './vsftpd';

export interface OutboxServers {
  dir: string;
  ssh: SshServer;
  ftp: FtpServer;
  pkg: Awaited<ReturnType<typeof makePackage>>;
  /** The test user's password, for both servers. */
  password: string;
  stop(): Promise<void>;
}

/** Both servers in a new temp folder (`prefix`), and a package `name` of members of `sizes` bytes. */
export async function startOutboxServers(
  prefix: string,
  name: string,
  sizes: number[],
): Promise<OutboxServers> {
  const dir = await tempDir(prefix);
  let ssh: SshServer | undefined;
  let ftp: FtpServer | undefined;
  const stop = async () => {
    await ssh?.stop();
    await ftp?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const user = await ensureTestUser();
    ssh = await startSshd(join(dir, 'ssh'), user);
    ftp = await startVsftpd(join(dir, 'ftp'), user);
    const pkg = await makePackage(dir, name, sizes);
    return { dir, ssh, ftp, pkg, password: user.password, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Queue `packagePath` for `destination` and wait until the job has settled. */
export function sendAndWait(core: Core, packagePath: string, destination: string) {
  return core.api.outboxEnqueue({ packagePath, destination, wait: true });
}

/**
 * For a describe block: starts the servers before its tests and stops them after. The
 * fields are filled in once the block's beforeAll has run.
 */
export function useOutboxServers(
  prefix: string,
  name: string,
  sizes: number[],
  timeoutMs?: number,
): OutboxServers {
  const servers = {} as OutboxServers;
  beforeAll(async () => {
    Object.assign(servers, await startOutboxServers(prefix, name, sizes));
  }, timeoutMs);
  afterAll(async () => {
    await servers.stop?.();
  });
  return servers;
}
