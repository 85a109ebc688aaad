import type { analysisVi } from './messages.vi';

export const analysisEn: typeof analysisVi = {
  anSoft: 'Soft',
  anSoftWhy: (sharpness, rankPct, thresholdPct, absolute) =>
    `Soft, focus may have missed. Sharpness ${sharpness} (variance of the Laplacian on the sharpest tile), ${rankPct}% of the folder's sharp frames. Soft below ${thresholdPct}% or below ${absolute}.`,
  anOver: 'Overexposed',
  anUnder: 'Underexposed',
  anExposureWhy: (highlightsPct, shadowsPct, meanLuma) =>
    `Clipped highlights (≥ 250): ${highlightsPct}% · crushed shadows (≤ 5): ${shadowsPct}% · mean brightness ${meanLuma}/255.`,
  anStack: (size) => `Stack ${size}`,
  anStackWhy: (size, distance) =>
    `A stack of ${size} burst or near-duplicate frames.` +
    (distance === null
      ? ''
      : ` ${distance}/64 bits of image hash away from the stack's sharpest frame.`),
  anBest: 'Sharpest',
  anBestWhy: (size, sharpness) =>
    `The sharpest frame of a stack of ${size} (sharpness ${sharpness}).`,
  anProgress: (done, total) => `Analysing photos ${done}/${total}`,
  anFailed: (message) => `Could not analyse photos: ${message}`,
  anHideSoft: 'Hide soft frames',
  anOnePerStack: 'One frame per stack',
  anBadgesLabel: 'Culling hints',
};
