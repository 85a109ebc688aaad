import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { sha256File } from '../stage-package';
import type { Transport } from './transport';

/** A local or mounted network folder (file://). */
export function fileTransport(): Transport {
  return {
    async size(path) {
      try {
        return (await stat(path)).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    mkdirp: async (dir) => void (await mkdir(dir, { recursive: true })),
    async write(path, offset, data: Readable) {
      if (offset === 0) await (await open(path, 'w')).close();
      const out = createWriteStream(path, { flags: 'r+', start: offset });
      await pipeline(data, out);
      // A share that lies about writes is caught by the read-back hash; fsync narrows it.
      const fh = await open(path, 'r+');
      await fh.sync().finally(() => fh.close());
    },
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    read: (path) => readFile(path),
    hash: (path) => sha256File(path),
    close: async () => undefined,
  };
}
