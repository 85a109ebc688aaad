import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { freePort, killTree, run, startLogged, waitForPort } from './procs';

export const SSHD = '/usr/sbin/sshd';

export interface SshServer {
  port: number;
  /** Folder the test user may write to (uploads land here). */
  inbox: string;
  /** Private key the test user's authorized_keys accepts. */
  clientKey: string;
  /** SHA256:… of the current host key, as ssh-keygen -l prints it. */
  fingerprint(): string;
  /** SIGKILL the listener and its sessions (a crash mid-transfer). */
  kill(): Promise<void>;
  /** Start again on the same port; `newHostKey` simulates a reinstalled (or spoofed) server. */
  start(opts?: { newHostKey?: boolean }): Promise<void>;
  stop(): Promise<void>;
  /** sshd's and internal-sftp's log (opens with their flags, closes with bytes written). */
  log(): string;
}

async function keygen(path: string): Promise<string> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'captiondesk-test', '-f', path]);
  const { stdout } = await run('ssh-keygen', ['-l', '-f', `${path}.pub`]);
  return stdout.split(' ')[1]!;
}

/** A real OpenSSH sshd on 127.0.0.1 with its own keys and config, nothing system-wide. */
export async function startSshd(
  dir: string,
  user: { user: string; uid: number; gid: number },
): Promise<SshServer> {
  await mkdir('/run/sshd', { recursive: true }); // privilege separation directory
  const port = await freePort();
  const inbox = join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  // The login user must be able to walk down from the (root-owned, 0700) temp dir.
  await chmod(dirname(dir), 0o755);
  await chmod(dir, 0o755);
  await chown(inbox, user.uid, user.gid);
  const clientKey = join(dir, 'client_ed25519');
  await keygen(clientKey);
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${clientKey}.pub`));
  let generation = 0;
  let hostKey = '';
  let fp = '';
  let proc: ReturnType<typeof startLogged> | null = null;
  let logs = '';

  const newKey = async () => {
    generation++;
    hostKey = join(dir, `host_ed25519_${generation}`);
    fp = await keygen(hostKey);
  };
  const start = async (opts: { newHostKey?: boolean } = {}) => {
    if (opts.newHostKey || !hostKey) await newKey();
    const cfg = join(dir, 'sshd_config');
    await writeFile(
      cfg,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        `AllowUsers ${user.user}`,
        'LogLevel VERBOSE',
        'Subsystem sftp internal-sftp -l INFO',
        '',
      ].join('\n'),
    );
    proc = startLogged(SSHD, ['-D', '-e', '-f', cfg]);
    await waitForPort(port);
  };
  await start();
  const kill = async () => {
    if (!proc) return;
    logs += proc.log();
    await killTree(proc.child);
    proc = null;
  };
  return {
    port,
    inbox,
    clientKey,
    fingerprint: () => fp,
    kill,
    start,
    stop: kill,
    log: () => logs + (proc?.log() ?? ''),
  };
}
