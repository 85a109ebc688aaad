import { Transform, type TransformCallback } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Counts the bytes that go on the wire and, given a rate, holds them to it: a
 * reporter on 3G keeps a usable connection, and tests get a reliable "mid-transfer".
 */
export class Meter extends Transform {
  private sentSinceStart = 0;
  private readonly started = Date.now();

  constructor(
    private readonly bytesPerSecond: number | null,
    private readonly onBytes: (n: number) => void,
  ) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    void this.pass(chunk).then(() => done(), done);
  }

  private async pass(chunk: Buffer): Promise<void> {
    const rate = this.bytesPerSecond;
    // Small slices keep the rate smooth instead of bursting a whole 64 KiB at once.
    const slice = rate ? Math.max(1024, Math.floor(rate / 20)) : chunk.length;
    for (let at = 0; at < chunk.length; at += slice) {
      const part = chunk.subarray(at, at + slice);
      if (rate) {
        const due = this.started + ((this.sentSinceStart + part.length) / rate) * 1000;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
      }
      this.sentSinceStart += part.length;
      this.push(part);
      this.onBytes(part.length);
    }
  }
}
