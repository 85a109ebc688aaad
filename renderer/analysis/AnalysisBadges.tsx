import type { PhotoAnalysis } from '../../electron/contract/cull';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';
import { badgesOf, type AnalysisBadge } from './badges';
import { cx } from '../ui/cx';
import styles from './analysis.module.css';

const KIND_CLASS: Record<AnalysisBadge['kind'], string | undefined> = {
  soft: styles.isSoft,
  over: styles.isOver,
  under: styles.isUnder,
  stack: styles.isStack,
  best: styles.isBest,
};

function text(m: Messages, b: AnalysisBadge): { label: string; why: string } {
  switch (b.kind) {
    case 'soft':
      return {
        label: m.anSoft,
        why: m.anSoftWhy(b.sharpness, b.rankPct, b.thresholdPct, b.absolute),
      };
    case 'over':
    case 'under':
      return {
        label: b.kind === 'over' ? m.anOver : m.anUnder,
        why: m.anExposureWhy(b.highlightsPct, b.shadowsPct, b.meanLuma),
      };
    case 'stack':
      return { label: m.anStack(b.size), why: m.anStackWhy(b.size, b.distance) };
    case 'best':
      return { label: m.anBest, why: m.anBestWhy(b.size, b.sharpness) };
  }
}

/**
 * The assisted-culling marks of one tile: soft, exposure, stack and its best frame.
 * Each says why on hover (and to screen readers), with the numbers behind it.
 * `best` is the sharpest frame of this photo's stack (useAnalysis().best.get(stack)).
 */
export function AnalysisBadges({
  analysis,
  best,
}: {
  analysis: PhotoAnalysis | undefined;
  best?: PhotoAnalysis | undefined;
}) {
  const { m } = useI18n();
  const badges = analysis ? badgesOf(analysis, best) : [];
  if (!badges.length) return null;
  return (
    <span className={styles.analysisBadges} role="group" aria-label={m.anBadgesLabel}>
      {badges.map((b) => {
        const { label, why } = text(m, b);
        return (
          <span
            key={b.kind}
            className={cx(styles.analysisBadge, KIND_CLASS[b.kind])}
            title={why}
            aria-label={`${label}. ${why}`}
            data-testid={`analysis-${b.kind}`}
          >
            {label}
          </span>
        );
      })}
    </span>
  );
}
