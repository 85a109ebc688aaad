import {
  BURST_GAP_SECONDS,
  BURST_MAX_DISTANCE,
  DUPLICATE_MAX_DISTANCE,
} from '../../../common/analysis/thresholds';
import { hashDistance } from '../../../common/analysis/hash-distance';
import {
  compareFileNames as byName,
  correctedTime,
  type ClockOffsets,
} from '../../../common/analysis/corrected-time';

export interface StackFrame {
  file: string;
  /** ISO capture time as the photo reports it, or null. */
  capturedAt: string | null;
  /** cameraKey() of the body, to look up its clock offset. */
  camera: string;
  hash: string;
  sharpness: number;
}

export interface StackPlace {
  /** The first frame's file, or null for a frame alone. */
  stack: string | null;
  stackSize: number;
  stackBest: boolean;
}

export interface StackRules {
  gapSeconds: number;
  burstMaxDistance: number;
  duplicateMaxDistance: number;
}

export const DEFAULT_STACK_RULES: StackRules = {
  gapSeconds: BURST_GAP_SECONDS,
  burstMaxDistance: BURST_MAX_DISTANCE,
  duplicateMaxDistance: DUPLICATE_MAX_DISTANCE,
};

export type { ClockOffsets };

/**
 * Bursts and near-duplicates. Frames are put in shooting order: by corrected capture
 * time (several bodies merged), then the frames without a time by file name. Each frame
 * joins its predecessor's stack when
 *  - both have a time: at most `gapSeconds` apart AND hashes within `burstMaxDistance`
 *    (the same scene shot again ten minutes later is a new moment, not a duplicate);
 *  - otherwise: hashes within `duplicateMaxDistance`, a near-identical picture.
 * Comparing with the predecessor rather than the first frame lets a panning burst drift.
 * A frame with no hash (not measured yet) joins nothing and ends the chain (hashDistance
 * gives null).
 * A stack is named by its first frame; its best is the sharpest (the earlier on a tie).
 */
export function findStacks(
  frames: readonly StackFrame[],
  offsets: ClockOffsets,
  rules: StackRules = DEFAULT_STACK_RULES,
): Map<string, StackPlace> {
  const timed = frames
    .map((f) => ({ f, t: correctedTime(f.capturedAt, f.camera, offsets) }))
    .filter((x): x is { f: StackFrame; t: number } => x.t !== null)
    .sort((a, b) => a.t - b.t || byName(a.f.file, b.f.file));
  const untimed = frames
    .filter((f) => correctedTime(f.capturedAt, f.camera, offsets) === null)
    .sort((a, b) => byName(a.file, b.file))
    .map((f) => ({ f, t: null }));
  const order: { f: StackFrame; t: number | null }[] = [...timed, ...untimed];

  const groups: StackFrame[][] = [];
  let prev: { f: StackFrame; t: number | null } | null = null;
  for (const cur of order) {
    const d = prev ? hashDistance(prev.f.hash, cur.f.hash) : null;
    const joins =
      prev !== null &&
      d !== null &&
      (prev.t !== null && cur.t !== null
        ? Math.abs(cur.t - prev.t) <= rules.gapSeconds * 1000 && d <= rules.burstMaxDistance
        : d <= rules.duplicateMaxDistance);
    if (joins) groups.at(-1)!.push(cur.f);
    else groups.push([cur.f]);
    prev = cur;
  }

  const places = new Map<string, StackPlace>();
  for (const g of groups) {
    if (g.length === 1) {
      places.set(g[0]!.file, { stack: null, stackSize: 1, stackBest: false });
      continue;
    }
    const best = g.reduce((a, b) => (b.sharpness > a.sharpness ? b : a));
    for (const f of g)
      places.set(f.file, { stack: g[0]!.file, stackSize: g.length, stackBest: f === best });
  }
  return places;
}
