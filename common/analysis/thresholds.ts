/**
 * The numbers behind the assisted-culling badges, in one place so that the core's
 * verdicts and the renderer's "why" tooltips quote the same thresholds.
 * All measurements are made on a grey copy of the 320 px thumbnail, 256 px on its long edge.
 */

/**
 * A frame is soft when its sharpness is below this share of the folder's 90th percentile.
 * Relative because the Laplacian variance depends on the scene (a white wall has none):
 * comparing against the folder's sharp frames adapts to the event's light and lens.
 * The 90th percentile rather than the maximum, so one noisy frame does not make every
 * other frame look soft.
 */
export const SOFT_RANK = 0.25;

/**
 * Below this absolute sharpness (variance of the Laplacian, 8-bit grey, 256 px) a frame
 * is soft whatever the folder says: a folder where everything missed focus still gets badges.
 */
export const SOFT_ABSOLUTE = 50;

/** Pixels at or above this grey level count as clipped highlights; at or below SHADOW_LEVEL as crushed shadows. */
export const HIGHLIGHT_LEVEL = 250;
export const SHADOW_LEVEL = 5;

/** Over-exposed: this share of the frame clipped white, or the whole frame very bright. */
export const OVER_CLIPPED = 0.08;
export const OVER_MEAN = 215;

/**
 * Under-exposed: most of the frame crushed black, or the whole frame very dark. Generous,
 * because a speaker on a black stage is a normal press photo, not a mistake.
 */
export const UNDER_CLIPPED = 0.5;
export const UNDER_MEAN = 40;

/** Burst: consecutive frames (by corrected capture time) at most this many seconds apart… */
export const BURST_GAP_SECONDS = 2;
/** …whose 64-bit perceptual hashes differ in at most this many bits (a panning burst drifts). */
export const BURST_MAX_DISTANCE = 14;
/**
 * Near-duplicate: without a capture time on both frames, neighbours by file name join a
 * stack only when the pictures are nearly identical.
 */
export const DUPLICATE_MAX_DISTANCE = 6;
