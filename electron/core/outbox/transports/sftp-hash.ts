import { createHash } from 'node:crypto';
import type { SFTPWrapper } from 'ssh2';

const IN_FLIGHT = 32;
const CHUNK = 32 * 1024;

/**
 * sha256 of a remote file read back with many READ requests in flight (one at a time
 * would make the read-back check slower than the upload it verifies).
 */
export async function sftpHash(sftp: SFTPWrapper, path: string, size: number): Promise<string> {
  const handle = await new Promise<Buffer>((res, rej) =>
    sftp.open(path, 'r', (err, h) => (err ? rej(err) : res(h))),
  );
  try {
    const h = createHash('sha256');
    const chunks = new Map<number, Buffer>();
    let next = 0; // next offset to request
    let hashed = 0; // next offset to hash
    await new Promise<void>((resolve, reject) => {
      let pending = 0;
      let failed = false;
      const pump = () => {
        while (chunks.has(hashed)) {
          const b = chunks.get(hashed)!;
          chunks.delete(hashed);
          h.update(b);
          hashed += b.length;
        }
        if (hashed >= size && pending === 0) return resolve();
        while (!failed && pending < IN_FLIGHT && next < size) {
          const at = next;
          const len = Math.min(CHUNK, size - at);
          next += len;
          pending++;
          const buf = Buffer.alloc(len);
          sftp.read(handle, buf, 0, len, at, (err, n) => {
            pending--;
            if (err || n !== len) {
              failed = true;
              return reject(err ?? new Error(`short read at ${at}`));
            }
            chunks.set(at, buf);
            pump();
          });
        }
      };
      pump();
    });
    return h.digest('hex');
  } finally {
    sftp.close(handle, () => undefined);
  }
}
