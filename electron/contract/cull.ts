/**
 * Culling at event scale (issue 9): the background analysis that helps find the sharp frame of a burst, and per-camera clock fixes
 * for sorting several bodies by capture time.
 */
import { z } from 'zod';
import { folderPath, inFolder, method, reads } from './kit';

/** What the assisted culling computed for one photo, from its thumbnail, locally. */
export const analysisSchema = z.object({
  file: z.string(),
  /** Variance of the Laplacian of the grey preview (higher is sharper); null when it failed. */
  sharpness: z.number().nullable(),
  /** Sharpness relative to the folder's sharpest frames (0..1), what the badge compares. */
  sharpnessRank: z.number().nullable(),
  soft: z.boolean(),
  /** Fractions of pixels at the ends of the range. */
  highlightsClipped: z.number(),
  shadowsClipped: z.number(),
  meanLuma: z.number(),
  exposure: z.enum(['ok', 'over', 'under']),
  /** 64-bit perceptual hash (hex), for near-duplicates. */
  hash: z.string(),
  /** Id of the burst/near-duplicate stack (its first frame's file), or null when alone. */
  stack: z.string().nullable(),
  stackSize: z.number(),
  /** The sharpest frame of its stack. */
  stackBest: z.boolean(),
  error: z.string().nullable(),
});
export type PhotoAnalysis = z.infer<typeof analysisSchema>;

export const clockOffsetsSchema = z.record(
  z.string().max(300),
  z.number().int().min(-864000).max(864000),
);

export const cullContract = {
  analyzeFolder: method(
    z.object({ folder: folderPath }),
    z.object({ analyzed: z.number(), cached: z.number(), failed: z.number() }),
    'Compute sharpness, exposure and near-duplicate stacks from the thumbnails, in the background, with progress and analysisReady events. Nothing leaves the machine.',
    { writes: 'cache', key: inFolder, queued: false },
  ),
  getAnalysis: method(
    z.object({ folder: folderPath }),
    z.object({ items: z.array(analysisSchema), done: z.number(), total: z.number() }),
    'What the assisted culling has computed so far for a folder.',
    reads,
  ),
  getClockOffsets: method(
    z.object({ folder: folderPath }),
    clockOffsetsSchema,
    'Per-camera clock corrections in seconds, keyed by camera (see cameraKey).',
    reads,
  ),
  setClockOffsets: method(
    z.object({ folder: folderPath, offsets: clockOffsetsSchema }),
    clockOffsetsSchema,
    "Save per-camera clock corrections for sorting by capture time (the photos' files are not changed).",
    { writes: 'folder', key: inFolder },
  ),
} as const;

/** Shared with the renderer, which groups and sorts by camera with the same key. */
export { cameraKey } from '../../common/camera-key';
