import type { PhotoAnalysis } from '../../electron/contract/cull';
import { hashDistance } from '../../common/analysis/hash-distance';
import { SOFT_ABSOLUTE, SOFT_RANK } from '../../common/analysis/thresholds';

/** What one tile shows, with the numbers its tooltip explains. */
export type AnalysisBadge =
  | { kind: 'soft'; sharpness: number; rankPct: number; thresholdPct: number; absolute: number }
  | {
      kind: 'over' | 'under';
      highlightsPct: string;
      shadowsPct: string;
      meanLuma: number;
    }
  | { kind: 'stack'; size: number; distance: number | null }
  | { kind: 'best'; size: number; sharpness: number };

const pct = (share: number) => (share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1);

/** The sharpest frame of every stack, by stack id: what "distance from best" compares with. */
export function stackBests(
  analysis: ReadonlyMap<string, PhotoAnalysis>,
): Map<string, PhotoAnalysis> {
  const bests = new Map<string, PhotoAnalysis>();
  for (const a of analysis.values()) if (a.stack && a.stackBest) bests.set(a.stack, a);
  return bests;
}

/** A failed analysis shows nothing: the tile already says the file cannot be read. */
export function badgesOf(a: PhotoAnalysis, best?: PhotoAnalysis): AnalysisBadge[] {
  if (a.error || a.sharpness === null) return [];
  const out: AnalysisBadge[] = [];
  if (a.soft)
    out.push({
      kind: 'soft',
      sharpness: Math.round(a.sharpness),
      rankPct: Math.round((a.sharpnessRank ?? 0) * 100),
      thresholdPct: Math.round(SOFT_RANK * 100),
      absolute: SOFT_ABSOLUTE,
    });
  if (a.exposure !== 'ok')
    out.push({
      kind: a.exposure,
      highlightsPct: pct(a.highlightsClipped),
      shadowsPct: pct(a.shadowsClipped),
      meanLuma: Math.round(a.meanLuma),
    });
  if (a.stack) {
    out.push({
      kind: 'stack',
      size: a.stackSize,
      distance: best && best.file !== a.file ? hashDistance(a.hash, best.hash) : null,
    });
    if (a.stackBest)
      out.push({ kind: 'best', size: a.stackSize, sharpness: Math.round(a.sharpness) });
  }
  return out;
}
