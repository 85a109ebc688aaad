/**
 * Loopback upload throughput: CaptionDesk's transports against the stock clients
 * (`sftp -b`, `curl -T`) sending the same file to the same real servers.
 * Usage: npx tsx bench/upload-speed.ts [--mb 100]   (root: it creates the cdtest user)
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { tempDir } from '../test/helpers/fixtures';
import { startSshd } from '../test/helpers/servers/sshd';
import { startVsftpd } from '../test/helpers/servers/vsftpd';
import { ensureTestUser } from '../test/helpers/servers/test-user';
import { connect } from '../electron/core/outbox/transports/connect';
import type { Destination } from '../electron/core/outbox/types';

const run = promisify(execFile);
const { values } = parseArgs({ options: { mb: { type: 'string', default: '100' } } });
const MB = Number(values.mb);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const dir = await tempDir('captiondesk-bench-upload-');
  const user = await ensureTestUser();
  const ssh = await startSshd(join(dir, 'ssh'), user);
  const ftp = await startVsftpd(join(dir, 'ftp'), user);
  const file = join(dir, 'payload.bin');
  await writeFile(file, randomBytes(MB * 1024 * 1024));
  const rows: [string, number][] = [];
  const dest = (kind: Destination['kind'], port: number): Destination => ({
    id: 'bench',
    name: 'bench',
    kind,
    host: '127.0.0.1',
    port,
    user: user.user,
    remoteDir: '/',
    identityFile: kind === 'sftp' ? ssh.clientKey : null,
    fingerprint: null,
    trustNewHostKey: true,
    limitKBps: null,
  });
  const ours = async (label: string, d: Destination, remote: string) => {
    const t = await connect({
      destination: d,
      password: user.password,
      passphrase: null,
      checkFingerprint: () => undefined,
    });
    rows.push([label, await timed(() => t.write(remote, 0, createReadStream(file)))]);
    await t.close();
  };
  try {
    await ours('CaptionDesk SFTP', dest('sftp', ssh.port), `${ssh.inbox}/ours.bin`);
    const batch = join(dir, 'batch');
    await writeFile(batch, `put ${file} ${ssh.inbox}/sftp.bin\n`);
    rows.push([
      'OpenSSH sftp -b',
      await timed(() =>
        run('sftp', [
          '-q',
          '-b',
          batch,
          '-i',
          ssh.clientKey,
          '-P',
          String(ssh.port),
          '-o',
          'StrictHostKeyChecking=no',
          '-o',
          'UserKnownHostsFile=/dev/null',
          `${user.user}@127.0.0.1`,
        ]),
      ),
    ]);
    await ours('CaptionDesk FTP', dest('ftp', ftp.port), `${ftp.inbox}/ours.bin`);
    await ours('CaptionDesk FTPS', dest('ftps', ftp.port), `${ftp.inbox}/ours-tls.bin`);
    // The password goes to curl in a config file, not on its command line.
    const cfg = join(dir, 'curl.cfg');
    await writeFile(cfg, `user = "${user.user}:${user.password}"\n`, { mode: 0o600 });
    const curl = (extra: string[], name: string) =>
      timed(() =>
        run('curl', [
          '-sS',
          '-K',
          cfg,
          ...extra,
          '-T',
          file,
          `ftp://127.0.0.1:${ftp.port}/%2F${ftp.inbox.slice(1)}/${name}`,
        ]),
      );
    rows.push(['curl -T ftp://', await curl([], 'curl.bin')]);
    rows.push(['curl -T --ssl-reqd (FTPS)', await curl(['--ssl-reqd', '-k'], 'curl-tls.bin')]);
  } finally {
    await ssh.stop();
    await ftp.stop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nUpload of ${MB} MiB over loopback\n`);
  console.log(`${'client'.padEnd(28)} ${'seconds'.padStart(8)} ${'MiB/s'.padStart(8)}`);
  for (const [label, s] of rows)
    console.log(
      `${label.padEnd(28)} ${s.toFixed(2).padStart(8)} ${(MB / s).toFixed(1).padStart(8)}`,
    );
}

await main();
