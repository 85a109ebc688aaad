import type { FileHandle } from 'node:fs/promises';
import { UnsafePackageError } from './errors';

/** Read exactly `length` bytes at `position`; a short file is a damaged (or lying) package. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) {
      throw new UnsafePackageError('file ends before the data its headers point at');
    }
    done += bytesRead;
  }
  return buffer;
}

const WINDOW = 256 * 1024;

/**
 * Reads many small, mostly ascending ranges (the local headers, in offset order)
 * through one buffered window, so 10,000 headers cost a few dozen reads, not 10,000.
 */
export class WindowedReader {
  private start = 0;
  private window: Buffer = Buffer.alloc(0);

  constructor(
    private readonly file: FileHandle,
    private readonly end: number,
  ) {}

  async bytes(position: number, length: number): Promise<Buffer> {
    if (position + length > this.end) {
      throw new UnsafePackageError('a header points past the end of its region');
    }
    const inside = position >= this.start && position + length <= this.start + this.window.length;
    if (!inside) {
      this.start = position;
      this.window = await readAt(
        this.file,
        position,
        Math.min(Math.max(length, WINDOW), this.end - position),
      );
    }
    return this.window.subarray(position - this.start, position - this.start + length);
  }
}
