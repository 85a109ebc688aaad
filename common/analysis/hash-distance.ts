/**
 * Hamming distance between two 64-bit perceptual hashes written as 16 hex chars:
 * how many of the 64 bits differ (0 = the same picture, ~32 = unrelated pictures).
 * Null when either hash is missing or malformed, so a failed photo never matches.
 */
export function hashDistance(a: string, b: string): number | null {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) return null;
  let d = 0;
  // Four 16-bit halves keep the arithmetic in safe integers without BigInt.
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}
