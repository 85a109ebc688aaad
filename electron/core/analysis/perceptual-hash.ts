import type { GreyImage } from './grey-image';

const SIDE = 32;
const BITS_SIDE = 8;

/**
 * 64-bit DCT perceptual hash (pHash) as 16 hex chars. The picture is averaged down to
 * 32×32, its low frequencies (DCT coefficients 1..8 in each direction, the DC term left
 * out as it only says how bright the frame is) are compared with their median: one bit
 * each. Small shifts, noise and re-compression flip few bits; another scene flips about half.
 */
export function perceptualHash(img: GreyImage): string {
  const small = boxDownsample(img);
  const cos = cosTable();
  // Separable DCT-II: rows first, then columns, only for the 8 frequencies we keep.
  const rows = new Float64Array(SIDE * BITS_SIDE);
  for (let y = 0; y < SIDE; y++)
    for (let u = 0; u < BITS_SIDE; u++) {
      let s = 0;
      for (let x = 0; x < SIDE; x++) s += small[y * SIDE + x]! * cos[(u + 1) * SIDE + x]!;
      rows[y * BITS_SIDE + u] = s;
    }
  const coeffs = new Float64Array(BITS_SIDE * BITS_SIDE);
  for (let v = 0; v < BITS_SIDE; v++)
    for (let u = 0; u < BITS_SIDE; u++) {
      let s = 0;
      for (let y = 0; y < SIDE; y++) s += rows[y * BITS_SIDE + u]! * cos[(v + 1) * SIDE + y]!;
      coeffs[v * BITS_SIDE + u] = s;
    }
  const median = [...coeffs].sort((a, b) => a - b)[coeffs.length / 2]!;
  let hex = '';
  for (let nib = 0; nib < 16; nib++) {
    let value = 0;
    for (let b = 0; b < 4; b++) value = (value << 1) | (coeffs[nib * 4 + b]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

/** Mean of each of 32×32 cells; the aspect ratio is squashed, as every pHash does. */
function boxDownsample(img: GreyImage): Float64Array {
  const out = new Float64Array(SIDE * SIDE);
  const { data, width: w, height: h } = img;
  for (let cy = 0; cy < SIDE; cy++) {
    const y0 = Math.min(h - 1, Math.floor((cy * h) / SIDE));
    const y1 = Math.max(y0 + 1, Math.floor(((cy + 1) * h) / SIDE));
    for (let cx = 0; cx < SIDE; cx++) {
      const x0 = Math.min(w - 1, Math.floor((cx * w) / SIDE));
      const x1 = Math.max(x0 + 1, Math.floor(((cx + 1) * w) / SIDE));
      let s = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += data[y * w + x]!;
      out[cy * SIDE + cx] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

let table: Float64Array | null = null;
function cosTable(): Float64Array {
  if (table) return table;
  table = new Float64Array((BITS_SIDE + 1) * SIDE);
  for (let k = 0; k <= BITS_SIDE; k++)
    for (let x = 0; x < SIDE; x++)
      table[k * SIDE + x] = Math.cos(((2 * x + 1) * k * Math.PI) / (2 * SIDE));
  return table;
}
