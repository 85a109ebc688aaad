import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Read-back hashing off the main thread: Node's sha256 is synchronous, and the main
 * thread already hashes the card as it copies. With the read-back on another core the
 * two run side by side, which is what keeps ingest near `cp` + `sha256sum`.
 *
 * The worker's code is a string (eval), so it survives bundling into the app and CLI.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buf = Buffer.allocUnsafe(4 << 20);
parentPort.on('message', ({ id, path }) => {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const h = createHash('sha256');
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (!n) break;
      h.update(buf.subarray(0, n));
      size += n;
    }
    parentPort.postMessage({ id, sha256: h.digest('hex'), size });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err), code: err && err.code });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
});
`;

interface Reply {
  id: number;
  sha256?: string;
  size?: number;
  error?: string;
  code?: string;
}

class HashPool {
  private workers: { w: Worker; busy: number }[] = [];
  private waiting = new Map<number, { resolve: (r: Reply) => void; worker: number }>();
  private nextId = 1;

  private pick(): number {
    const width = Math.max(1, Math.min(2, os.availableParallelism() - 1));
    if (this.workers.length < width) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      const index = this.workers.length;
      w.on('message', (r: Reply) => {
        const p = this.waiting.get(r.id);
        if (!p) return;
        this.waiting.delete(r.id);
        this.release(index);
        p.resolve(r);
      });
      w.on('error', (err) => {
        // A dead worker fails its pending files with the reason; the next call starts anew.
        for (const [id, p] of this.waiting)
          if (p.worker === index) {
            this.waiting.delete(id);
            p.resolve({ id, error: err.message });
          }
        this.workers = [];
      });
      this.workers.push({ w, busy: 0 });
      // Idle workers must not keep a CLI alive after its work is done.
      w.unref();
    }
    let best = 0;
    this.workers.forEach((x, i) => {
      if (x.busy < this.workers[best]!.busy) best = i;
    });
    return best;
  }

  private release(index: number): void {
    const slot = this.workers[index];
    if (slot && --slot.busy === 0) slot.w.unref();
  }

  hash(path: string): Promise<{ sha256: string; size: number }> {
    const worker = this.pick();
    const id = this.nextId++;
    const slot = this.workers[worker]!;
    if (slot.busy++ === 0) slot.w.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, {
        worker,
        resolve: (r) =>
          r.error !== undefined
            ? reject(Object.assign(new Error(r.error), r.code ? { code: r.code } : {}))
            : resolve({ sha256: r.sha256!, size: r.size! }),
      });
      slot.w.postMessage({ id, path });
    });
  }
}

let pool: HashPool | null = null;

/** sha256 and size of a file, computed on a worker thread. */
export function hashOffThread(path: string): Promise<{ sha256: string; size: number }> {
  pool ??= new HashPool();
  return pool.hash(path);
}
