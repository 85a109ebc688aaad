import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { namingFile } from '../fs/naming-file';

/** Where a zip's bytes go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** The part of a FileHandle we use; tests pass one that fails like a full disk. */
export interface OutputFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}
export type OpenOutputFile = (path: string) => Promise<OutputFile>;

const openExclusive: OpenOutputFile = (path) => open(path, 'wx', 0o644);

/** Big enough that a 46-byte header write is not a syscall, small enough not to matter. */
const BUFFER_BYTES = 1024 * 1024;

/**
 * Produce a file so that `path` either keeps what it had or gets the complete new
 * bytes, never a torn file: `<path>.partial-<random>` in the same directory (same
 * file system, so the rename is atomic), fsync, rename, fsync the directory. On any
 * error the temp file is removed and the error rethrown.
 */
export async function writeAtomically<T>(
  path: string,
  produce: (sink: ByteSink) => Promise<T>,
  openFile: OpenOutputFile = openExclusive,
): Promise<T> {
  const temp = join(dirname(path), `${basename(path)}.partial-${randomBytes(6).toString('hex')}`);
  const file = await openFile(temp).catch((err: unknown) => {
    throw namingFile(err, path);
  });
  let closed = false;
  try {
    const sink = new BufferedFileSink(file);
    const result = await produce(sink);
    await sink.flush();
    await file.sync();
    closed = true;
    await file.close();
    await rename(temp, path);
    await syncDirectory(dirname(path));
    return result;
  } catch (err) {
    if (!closed) await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw namingFile(err, path);
  }
}

class BufferedFileSink implements ByteSink {
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(private readonly file: OutputFile) {}

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.length >= BUFFER_BYTES) {
      await this.flush();
      await this.writeFully(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= BUFFER_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const joined = Buffer.concat(this.pending, this.pendingBytes);
    this.pending.length = 0;
    this.pendingBytes = 0;
    await this.writeFully(joined);
  }

  private async writeFully(chunk: Uint8Array): Promise<void> {
    // A write may be short (a nearly full disk); the next one then reports ENOSPC.
    let done = 0;
    while (done < chunk.length) {
      const { bytesWritten } = await this.file.write(chunk, done, chunk.length - done);
      if (bytesWritten <= 0) throw new Error('zip: the file system accepted no bytes');
      done += bytesWritten;
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a directory for this; the
  // rename is still atomic there, just not yet flushed.
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    /* not supported on this platform */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
