import { createHash } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { hashOffThread } from './hash-pool';

/** Big reads keep a card reader and a disk busy; 4 MiB is past the point of gains. */
export const CHUNK = 4 << 20;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** sha256 of a file, read with big buffers (never mapping it whole into memory). */
export async function hashFile(
  path: string,
  signal?: AbortSignal,
  buf: Buffer = Buffer.allocUnsafe(CHUNK),
) {
  const fh = await open(path, 'r');
  try {
    const h = createHash('sha256');
    let size = 0;
    for (;;) {
      if (signal?.aborted) throw new CancelledError();
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      h.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { sha256: h.digest('hex'), size };
  } finally {
    await fh.close();
  }
}

export interface CopyTarget {
  /** The `.part` to write; created new (never an existing file). */
  part: string;
}

/**
 * Copy one source to one or two `.part` files in a single read of the card: the
 * source's sha256 is computed on the way, each copy is fsynced and then read back
 * and hashed. Resolves with the source hash once every copy matches it; on any
 * failure the `.part` files are removed and the error names which side failed.
 */
export async function copyVerified(
  source: string,
  targets: CopyTarget[],
  onBytes: (n: number) => void,
  signal?: AbortSignal,
  /** Two CHUNK buffers a copy slot reuses from file to file: no per-file allocation. */
  bufs: Buffer[] = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)],
): Promise<{ sha256: string; size: number }> {
  const outs: FileHandle[] = [];
  let src: FileHandle | null = null;
  let pending: Promise<{ bytesRead: number; buffer: Buffer }> | null = null;
  try {
    // Read-only: the card is never written to (not even atime-sensitive flags).
    try {
      src = await open(source, 'r');
    } catch (err) {
      throw sideError('read', err);
    }
    for (const t of targets) {
      try {
        outs.push(await open(t.part, 'wx', 0o644));
      } catch (err) {
        throw sideError('write', err, t.part);
      }
    }
    const h = createHash('sha256');
    let size = 0;
    let which = 0;
    const readInto = (b: Buffer) =>
      src!.read(b, 0, b.length, null).catch((err: unknown) => {
        throw sideError('read', err);
      });
    // Two buffers: the next chunk is read while the current one is written.
    pending = readInto(bufs[which]!);
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (!bytesRead) break;
      if (signal?.aborted) throw new CancelledError();
      which ^= 1;
      pending = readInto(bufs[which]!);
      const chunk = buffer.subarray(0, bytesRead);
      h.update(chunk);
      await Promise.all(
        outs.map((o, i) =>
          o.write(chunk, 0, bytesRead).catch((err: unknown) => {
            throw sideError('write', err, targets[i]!.part);
          }),
        ),
      );
      size += bytesRead;
      onBytes(bytesRead);
    }
    await Promise.all(outs.map((o) => o.sync()));
    await Promise.all(outs.map((o) => o.close()));
    outs.length = 0;
    const sha256 = h.digest('hex');
    if (signal?.aborted) throw new CancelledError();
    const back = await Promise.all(targets.map((t) => hashOffThread(t.part)));
    if (signal?.aborted) throw new CancelledError();
    back.forEach((b, i) => {
      if (b.sha256 !== sha256 || b.size !== size)
        throw new Error(
          `the copy ${targets[i]!.part} does not match the card (sha256 ${b.sha256.slice(0, 12)}… ≠ ${sha256.slice(0, 12)}…)`,
        );
    });
    return { sha256, size };
  } catch (err) {
    void pending?.catch(() => undefined);
    await Promise.all(outs.map((o) => o.close().catch(() => undefined)));
    await Promise.all(targets.map((t) => unlink(t.part).catch(() => undefined)));
    throw err;
  } finally {
    await src?.close().catch(() => undefined);
  }
}

export class SideError extends Error {
  constructor(
    readonly side: 'read' | 'write',
    override readonly cause: unknown,
    readonly path?: string,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

function sideError(side: 'read' | 'write', err: unknown, path?: string): SideError {
  return err instanceof SideError ? err : new SideError(side, err, path);
}
