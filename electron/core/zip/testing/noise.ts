import { createCipheriv, createHash } from 'node:crypto';

/** Reproducible incompressible bytes: a stand-in for a JPEG as far as deflate cares. */
export function noise(bytes: number, seed: string): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(bytes));
}
