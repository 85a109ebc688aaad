import { Writable, type Readable } from 'node:stream';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Client, FTPError } from 'basic-ftp';
import { OutboxError, classify } from '../errors';
import { sha256Fingerprint } from './fingerprint';
import type { ConnectInput, Transport } from './transport';

/**
 * FTP, or FTPS with explicit TLS (AUTH TLS). The TLS certificate is pinned like an
 * SSH host key (newsroom servers are mostly self-signed) and checked before the
 * password is sent. Resume uses APPE, which vsftpd accepts (as it does REST+STOR).
 */
export async function connectFtp(input: ConnectInput): Promise<Transport> {
  const d = input.destination;
  const where = `The ${d.kind.toUpperCase()} server ${d.host}:${d.port}`;
  if (input.password === null)
    throw new OutboxError('missing-secret', `No password is set for ${d.host}.`);
  const client = new Client(30_000);
  try {
    await client.connect(d.host, d.port);
    if (d.kind === 'ftps') {
      // Trust comes from the pinned fingerprint below, not a CA (desks self-sign).
      await client.useTLS({
        rejectUnauthorized: false,
        ...(isIP(d.host) ? {} : { servername: d.host }),
      });
      const cert = (client.ftp.socket as TLSSocket).getPeerCertificate(true);
      input.checkFingerprint(sha256Fingerprint(cert.raw));
    }
    await client.login(d.user, input.password);
    await client.useDefaultSettings();
  } catch (err) {
    client.close();
    throw classify(err, where);
  }

  const wrap = async <T>(p: () => Promise<T>): Promise<T> => {
    try {
      return await p();
    } catch (err) {
      throw classify(err, where);
    }
  };

  return {
    size: (path) =>
      wrap(() =>
        client.size(path).catch((err: unknown) => {
          if (err instanceof FTPError && err.code === 550) return null;
          throw err;
        }),
      ),
    mkdirp: (dir) =>
      wrap(async () => {
        await client.ensureDir(dir);
        await client.cd('/');
      }),
    write: (path, offset, data: Readable) =>
      wrap(async () => {
        if (offset > 0) await client.appendFrom(data, path);
        else await client.uploadFrom(data, path);
      }),
    rename: (from, to) => wrap(async () => void (await client.rename(from, to))),
    remove: (path) => wrap(async () => void (await client.remove(path, true))),
    read: (path) =>
      wrap(async () => {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _e, cb) {
            chunks.push(chunk);
            cb();
          },
        });
        await client.downloadTo(sink, path);
        return Buffer.concat(chunks);
      }),
    close: async () => client.close(),
  };
}
