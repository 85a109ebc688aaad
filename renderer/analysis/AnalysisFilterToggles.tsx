import { useI18n } from '../i18n/context';
import type { AnalysisFilter } from './filters';
import { CheckLine } from '../ui/CheckLine';
import styles from './analysis.module.css';

/** Two checkboxes for the toolbar: hide soft frames, one frame per stack. */
export function AnalysisFilterToggles({
  filter,
  onChange,
}: {
  filter: AnalysisFilter;
  onChange(next: AnalysisFilter): void;
}) {
  const { m } = useI18n();
  return (
    <span className={styles.analysisFilters}>
      <CheckLine
        checked={filter.hideSoft}
        testId="filter-hide-soft"
        onChange={(hideSoft) => onChange({ ...filter, hideSoft })}
      >
        {m.anHideSoft}
      </CheckLine>
      <CheckLine
        checked={filter.onePerStack}
        testId="filter-one-per-stack"
        onChange={(onePerStack) => onChange({ ...filter, onePerStack })}
      >
        {m.anOnePerStack}
      </CheckLine>
    </span>
  );
}
