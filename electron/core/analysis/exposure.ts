import {
  HIGHLIGHT_LEVEL,
  OVER_CLIPPED,
  OVER_MEAN,
  SHADOW_LEVEL,
  UNDER_CLIPPED,
  UNDER_MEAN,
} from '../../../common/analysis/thresholds';
import type { GreyImage } from './grey-image';

export interface Exposure {
  /** Share of pixels at or above HIGHLIGHT_LEVEL (0..1). */
  highlightsClipped: number;
  /** Share of pixels at or below SHADOW_LEVEL (0..1). */
  shadowsClipped: number;
  /** Mean grey level, 0..255. */
  meanLuma: number;
}

export function exposureOf(img: GreyImage): Exposure {
  const { data } = img;
  let hi = 0;
  let lo = 0;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    sum += v;
    if (v >= HIGHLIGHT_LEVEL) hi++;
    else if (v <= SHADOW_LEVEL) lo++;
  }
  const n = Math.max(1, data.length);
  return { highlightsClipped: hi / n, shadowsClipped: lo / n, meanLuma: sum / n };
}

/** Over wins over under: a frame both blown and crushed has lost its highlights for good. */
export function exposureVerdict(e: Exposure): 'ok' | 'over' | 'under' {
  if (e.highlightsClipped >= OVER_CLIPPED || e.meanLuma >= OVER_MEAN) return 'over';
  if (e.shadowsClipped >= UNDER_CLIPPED || e.meanLuma <= UNDER_MEAN) return 'under';
  return 'ok';
}
