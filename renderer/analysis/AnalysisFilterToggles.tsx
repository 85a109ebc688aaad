import { useI18n } from '../i18n/context';
import type { AnalysisFilter } from './filters';
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
      <label>
        <input
          type="checkbox"
          checked={filter.hideSoft}
          onChange={(e) => onChange({ ...filter, hideSoft: e.target.checked })}
          data-testid="filter-hide-soft"
        />
        {m.anHideSoft}
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.onePerStack}
          onChange={(e) => onChange({ ...filter, onePerStack: e.target.checked })}
          data-testid="filter-one-per-stack"
        />
        {m.anOnePerStack}
      </label>
    </span>
  );
}
