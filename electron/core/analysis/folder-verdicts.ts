import type { PhotoAnalysis } from '../../contract/cull';
import { SOFT_ABSOLUTE, SOFT_RANK } from '../../../common/analysis/thresholds';
import { exposureVerdict } from './exposure';
import type { PhotoMetrics } from './photo-metrics';
import { findStacks, type ClockOffsets, type StackFrame } from './stacks';

/** One photo's own numbers plus what the folder knows of it (capture time, camera). */
export interface PhotoRecord {
  file: string;
  capturedAt: string | null;
  camera: string;
  metrics: PhotoMetrics | null;
  /** Why it could not be measured, naming the file. */
  error: string | null;
  /**
   * Not measured yet (the analysis is still running): it keeps its place in shooting
   * order, so the frames on either side of it are not taken for neighbours, and it is
   * left out of the verdicts.
   */
  pending?: boolean;
}

/** Nearest-rank percentile (p in 0..1) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Turn per-photo numbers into verdicts that need the whole folder: the sharpness rank
 * (against the folder's 90th percentile), soft, and the stacks. Cheap, so it is simply
 * run again whenever a batch lands or a clock offset changes.
 */
export function folderVerdicts(
  records: readonly PhotoRecord[],
  offsets: ClockOffsets,
): PhotoAnalysis[] {
  const measured = records.filter(
    (r): r is PhotoRecord & { metrics: PhotoMetrics } => r.metrics !== null,
  );
  const p90 = measured.length
    ? percentile(
        measured.map((r) => r.metrics.sharpness),
        0.9,
      )
    : 0;
  const frames: StackFrame[] = measured.map((r) => ({
    file: r.file,
    capturedAt: r.capturedAt,
    camera: r.camera,
    hash: r.metrics.hash,
    sharpness: r.metrics.sharpness,
  }));
  // A frame not measured yet breaks a chain (empty hash) instead of vanishing from it: two
  // frames of one body a few seconds apart would otherwise stack for as long as the other
  // body's frame between them is waiting.
  for (const r of records)
    if (r.pending)
      frames.push({
        file: r.file,
        capturedAt: r.capturedAt,
        camera: r.camera,
        hash: '',
        sharpness: 0,
      });
  const stacks = findStacks(frames, offsets);

  return records
    .filter((r) => !r.pending)
    .map((r): PhotoAnalysis => {
      const m = r.metrics;
      if (!m)
        return {
          file: r.file,
          sharpness: null,
          sharpnessRank: null,
          soft: false,
          highlightsClipped: 0,
          shadowsClipped: 0,
          meanLuma: 0,
          exposure: 'ok',
          hash: '',
          stack: null,
          stackSize: 1,
          stackBest: false,
          error: r.error ?? `${r.file}: not analysed`,
        };
      const rank = p90 > 0 ? Math.min(1, m.sharpness / p90) : 1;
      const place = stacks.get(r.file) ?? { stack: null, stackSize: 1, stackBest: false };
      return {
        file: r.file,
        sharpness: m.sharpness,
        sharpnessRank: rank,
        soft: rank < SOFT_RANK || m.sharpness < SOFT_ABSOLUTE,
        highlightsClipped: m.highlightsClipped,
        shadowsClipped: m.shadowsClipped,
        meanLuma: m.meanLuma,
        exposure: exposureVerdict(m),
        hash: m.hash,
        ...place,
        error: null,
      };
    });
}
