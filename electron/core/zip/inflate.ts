import { inflateRaw } from 'node:zlib';

export type InflateResult =
  { ok: true; data: Buffer; consumed: number } | { ok: false; overflow: boolean; message: string };

/**
 * Inflate raw deflate data, stopping as soon as the output would pass `maxOutput`
 * bytes: zlib aborts mid-stream (maxOutputLength), so a member that lies about its
 * size costs at most `maxOutput` bytes of memory, never what it would expand to.
 * `consumed` says how much input the deflate stream used, to catch data hidden after it.
 */
export function inflateBounded(compressed: Uint8Array, maxOutput: number): Promise<InflateResult> {
  return new Promise((resolve) => {
    // maxOutputLength must be ≥ 1; an empty member then shows up as a length mismatch.
    const options = { maxOutputLength: Math.max(1, maxOutput), info: true };
    inflateRaw(compressed, options, (err, result) => {
      if (err) {
        const overflow = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        resolve({ ok: false, overflow, message: err.message });
        return;
      }
      // With `info: true` zlib hands back { buffer, engine }, which @types/node does not model.
      const info = result as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      resolve({ ok: true, data: info.buffer, consumed: info.engine.bytesWritten });
    });
  });
}
