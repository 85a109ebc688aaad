import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Client, type SFTPWrapper } from 'ssh2';
import { OutboxError, classify } from '../errors';
import { sha256Fingerprint } from './fingerprint';
import { sftpWriter } from './sftp-writer';
import { sftpHash } from './sftp-hash';
import type { ConnectInput, Transport } from './transport';

const NO_SUCH_FILE = 2;

function promisify<T>(fn: (cb: (err: Error | null | undefined, v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    fn((err, v) => (err ? reject(err as Error) : resolve(v))),
  );
}

/**
 * Our own socket with Nagle off: SFTP is request/reply, and with Nagle on every small
 * request (stat, open, close) waits out the peer's delayed ACK: 40 ms each.
 */
function openSocket(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port, noDelay: true });
    s.setTimeout(20_000, () =>
      s.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    s.once('error', reject);
    s.once('connect', () => {
      s.setTimeout(0);
      s.off('error', reject);
      resolve(s);
    });
  });
}

export async function connectSftp(input: ConnectInput): Promise<Transport> {
  const d = input.destination;
  const where = `The SFTP server ${d.host}:${d.port}`;
  const client = new Client();
  let refused: OutboxError | null = null;
  const privateKey = d.identityFile ? await readFile(d.identityFile) : undefined;
  if (!privateKey && !input.password)
    throw new OutboxError('missing-secret', `No password or key is set for ${d.host}.`);
  const sock = await openSocket(d.host, d.port).catch((err: unknown) => {
    throw classify(err, where);
  });
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client.once('error', (err) => reject(refused ?? err));
    client.once('ready', () => client.sftp((err, s) => (err ? reject(err) : resolve(s))));
    client.connect({
      sock,
      username: d.user,
      ...(privateKey
        ? { privateKey, ...(input.passphrase ? { passphrase: input.passphrase } : {}) }
        : { password: input.password ?? '' }),
      readyTimeout: 20_000,
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      // ssh2 hands us the raw key; our check throws the error the user should read.
      hostVerifier: (key: Buffer) => {
        try {
          input.checkFingerprint(sha256Fingerprint(key));
          return true;
        } catch (err) {
          refused = err as OutboxError;
          return false;
        }
      },
    });
  }).catch((err: unknown) => {
    client.end();
    throw classify(err, where);
  });
  client.on('error', () => undefined);
  // ssh2 leaves outstanding SFTP requests unanswered when the connection drops (a
  // killed server, a lost 3G link), so every operation races the connection's end.
  const dead = new Promise<never>((_, reject) =>
    client.once('close', () =>
      reject(Object.assign(new Error('the connection closed'), { code: 'ECONNRESET' })),
    ),
  );
  dead.catch(() => undefined);

  const wrap = async <T>(p: () => Promise<T>): Promise<T> => {
    try {
      return await Promise.race([p(), dead]);
    } catch (err) {
      throw classify(err, where);
    }
  };

  return {
    size: (path) =>
      wrap(() =>
        promisify<{ size: number }>((cb) => sftp.stat(path, cb)).then(
          (s) => s.size,
          (err: { code?: number }) => {
            if (err.code === NO_SUCH_FILE) return null;
            throw err;
          },
        ),
      ),
    mkdirp: (dir) =>
      wrap(async () => {
        let at = '';
        for (const part of dir.split('/').filter(Boolean)) {
          at += '/' + part;
          const exists = await promisify<unknown>((cb) => sftp.stat(at, cb)).then(
            () => true,
            () => false,
          );
          if (!exists) await promisify<undefined>((cb) => sftp.mkdir(at, (e) => cb(e, undefined)));
        }
      }),
    write: (path, offset, data: Readable) =>
      wrap(async () => {
        // r+ keeps the bytes already there (a resume); w starts a fresh file.
        const handle = await promisify<Buffer>((cb) =>
          sftp.open(path, offset > 0 ? 'r+' : 'w', cb),
        );
        const out = sftpWriter(sftp, handle, offset);
        dead.catch((err: Error) => out.destroy(err));
        await pipeline(data, out);
      }),
    rename: (from, to) =>
      wrap(async () => {
        // SFTPv3 rename refuses an existing target; OpenSSH's posix-rename replaces it.
        await promisify<undefined>((cb) =>
          sftp.ext_openssh_rename(from, to, (e) => cb(e, undefined)),
        );
      }),
    remove: (path) =>
      wrap(() =>
        promisify<undefined>((cb) => sftp.unlink(path, (e) => cb(e, undefined))).catch(
          (err: { code?: number }) => {
            if (err.code !== NO_SUCH_FILE) throw err;
          },
        ),
      ),
    read: (path) => wrap(() => promisify<Buffer>((cb) => sftp.readFile(path, cb))),
    hash: (path) =>
      wrap(async () => {
        const { size } = await promisify<{ size: number }>((cb) => sftp.stat(path, cb));
        return sftpHash(sftp, path, size);
      }),
    close: async () => {
      client.end();
    },
  };
}
