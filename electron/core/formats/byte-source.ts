import { open, type FileHandle } from 'node:fs/promises';

/**
 * Random access to a file's bytes without reading all of it: header parsers ask for
 * ranges, and we serve them from one growing head buffer plus direct reads.
 */
export class ByteSource {
  private head: Buffer = Buffer.alloc(0);
  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  /** `knownSize` when the caller has just stat'ed the file: one system call less per photo. */
  static async open(path: string, knownSize?: number): Promise<ByteSource> {
    const fh = await open(path, 'r');
    try {
      const size = knownSize ?? (await fh.stat()).size;
      return new ByteSource(fh, size);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  /** Bytes [offset, offset+length), clipped at the end of the file. */
  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(this.size, offset + length);
    if (offset >= end) return Buffer.alloc(0);
    if (end <= this.head.length) return this.head.subarray(offset, end);
    if (offset < 1 << 20) {
      // Headers cluster at the start: grow the cached head rather than scatter small reads.
      const want = Math.min(this.size, Math.max(end, this.head.length * 2, 128 * 1024));
      // Unzeroed: only the bytes actually read are ever handed out.
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await this.fh.read(buf, 0, want, 0);
      this.head = buf.subarray(0, bytesRead);
      return this.head.subarray(offset, Math.min(end, this.head.length));
    }
    const buf = Buffer.allocUnsafe(end - offset);
    const { bytesRead } = await this.fh.read(buf, 0, buf.length, offset);
    return buf.subarray(0, bytesRead);
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
