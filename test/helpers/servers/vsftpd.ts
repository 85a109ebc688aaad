import { X509Certificate, createHash } from 'node:crypto';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { freePort, killTree, run, startLogged, waitForPort } from './procs';

export const VSFTPD = '/usr/sbin/vsftpd';

export interface FtpServer {
  port: number;
  inbox: string;
  /** SHA256:… of the self-signed TLS certificate (for ftps:// pinning). */
  fingerprint: string;
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** vsftpd's protocol log: every command (APPE, REST, STOR, RNFR…) and transfer. */
  log(): Promise<string>;
}

/**
 * A real vsftpd on 127.0.0.1 serving plain FTP and explicit FTPS (AUTH TLS) on one
 * port: TLS is allowed, not forced, so one instance covers both destination kinds.
 */
export async function startVsftpd(
  dir: string,
  user: { uid: number; gid: number },
): Promise<FtpServer> {
  await mkdir('/var/run/vsftpd/empty', { recursive: true });
  const port = await freePort();
  const pasv = await freePort();
  const inbox = join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  // The login user must be able to walk down from the (root-owned, 0700) temp dir.
  await chmod(dirname(dir), 0o755);
  await chmod(dir, 0o755);
  await chown(inbox, user.uid, user.gid);
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  const raw = new X509Certificate(await readFile(cert)).raw;
  const fingerprint =
    'SHA256:' + createHash('sha256').update(raw).digest('base64').replace(/=+$/, '');
  const logFile = join(dir, 'vsftpd.log');
  const cfg = join(dir, 'vsftpd.conf');
  await writeFile(
    cfg,
    [
      'listen=YES',
      'listen_ipv6=NO',
      'listen_address=127.0.0.1',
      `listen_port=${port}`,
      'background=NO',
      'anonymous_enable=NO',
      'local_enable=YES',
      'write_enable=YES',
      'local_umask=022',
      'pasv_enable=YES',
      'pasv_address=127.0.0.1',
      `pasv_min_port=${pasv}`,
      `pasv_max_port=${pasv + 20}`,
      'seccomp_sandbox=NO',
      'isolate=NO',
      'isolate_network=NO',
      'pam_service_name=vsftpd',
      'secure_chroot_dir=/var/run/vsftpd/empty',
      'xferlog_enable=YES',
      'xferlog_std_format=NO',
      'log_ftp_protocol=YES',
      `vsftpd_log_file=${logFile}`,
      'ssl_enable=YES',
      `rsa_cert_file=${cert}`,
      `rsa_private_key_file=${key}`,
      'allow_anon_ssl=NO',
      'force_local_logins_ssl=NO',
      'force_local_data_ssl=NO',
      'require_ssl_reuse=NO',
      'ssl_ciphers=HIGH',
      '',
    ].join('\n'),
  );
  let proc: ReturnType<typeof startLogged> | null = null;
  const start = async () => {
    proc = startLogged(VSFTPD, [cfg]);
    await waitForPort(port);
  };
  await start();
  const kill = async () => {
    if (proc) await killTree(proc.child);
    proc = null;
  };
  return {
    port,
    inbox,
    fingerprint,
    kill,
    start,
    stop: kill,
    log: () => readFile(logFile, 'utf8').catch(() => ''),
  };
}
