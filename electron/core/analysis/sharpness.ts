import type { GreyImage } from './grey-image';

/** The frame is cut into GRID × GRID tiles; the sharpest tile stands for the frame. */
export const GRID = 4;

export interface Sharpness {
  /** Variance of the Laplacian of the sharpest tile: the score the badges use. */
  tileMax: number;
  /** Variance of the Laplacian over the whole frame, kept for comparison. */
  whole: number;
}

/**
 * Variance of the 4-neighbour Laplacian over the pixels of a rectangle whose four
 * neighbours are all inside the image. Edges in focus give large second derivatives;
 * blur spreads them out, so the variance falls.
 */
export function laplacianVariance(
  img: GreyImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  const { data, width: w, height: h } = img;
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = Math.max(1, y0); y < Math.min(h - 1, y1); y++) {
    const row = y * w;
    for (let x = Math.max(1, x0); x < Math.min(w - 1, x1); x++) {
      const i = row + x;
      const l = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += l;
      sumSq += l * l;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/**
 * Whole-frame variance is dragged down by a blurred background (shallow depth of field
 * is normal in press work), so the score is the best tile of a 4×4 grid: a sharp subject
 * filling one sixteenth of the frame is enough to call the frame sharp.
 */
export function sharpnessOf(img: GreyImage): Sharpness {
  let tileMax = 0;
  for (let ty = 0; ty < GRID; ty++)
    for (let tx = 0; tx < GRID; tx++) {
      const x0 = Math.floor((tx * img.width) / GRID);
      const x1 = Math.floor(((tx + 1) * img.width) / GRID);
      const y0 = Math.floor((ty * img.height) / GRID);
      const y1 = Math.floor(((ty + 1) * img.height) / GRID);
      tileMax = Math.max(tileMax, laplacianVariance(img, x0, y0, x1, y1));
    }
  return { tileMax, whole: laplacianVariance(img, 0, 0, img.width, img.height) };
}
