import { Writable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';

/** Requests in flight: enough to fill a long, thin link instead of one round trip per chunk. */
const IN_FLIGHT = 32;
const CHUNK = 32 * 1024;

/**
 * A write stream into an open SFTP handle that keeps many WRITE requests in flight
 * (ssh2's own stream waits for each reply, which caps a loopback upload below 1 MB/s).
 * Each request names its offset, so order of completion does not matter.
 */
export function sftpWriter(sftp: SFTPWrapper, handle: Buffer, start: number): Writable {
  let position = start;
  let pending = 0;
  let failed: Error | null = null;
  let waiter: (() => void) | null = null;
  const settle = () => {
    const w = waiter;
    waiter = null;
    w?.();
  };
  const send = (buf: Buffer) => {
    pending++;
    const at = position;
    position += buf.length;
    sftp.write(handle, buf, 0, buf.length, at, (err) => {
      pending--;
      if (err && !failed) failed = err;
      settle();
    });
  };
  const room = () =>
    new Promise<void>((resolve) => {
      if (pending < IN_FLIGHT || failed) return resolve();
      waiter = resolve;
    });
  return new Writable({
    highWaterMark: CHUNK,
    write(chunk: Buffer, _enc, cb) {
      void (async () => {
        for (let at = 0; at < chunk.length; at += CHUNK) {
          await room();
          if (failed) return cb(failed);
          send(chunk.subarray(at, at + CHUNK));
        }
        cb();
      })();
    },
    final(cb) {
      void (async () => {
        while (pending > 0) await new Promise<void>((r) => (waiter = r));
        sftp.close(handle, (err) => cb(failed ?? err ?? null));
      })();
    },
    destroy(err, cb) {
      sftp.close(handle, () => cb(err));
    },
  });
}
