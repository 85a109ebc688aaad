import { cx } from '../ui/cx';
import styles from './ProgressLine.module.css';

/** A quiet progress line for a background job; the grid stays usable meanwhile. */
export function ProgressLine({
  done,
  total,
  label,
  className = '',
  testId,
}: {
  done: number;
  total: number;
  label: string;
  className?: string;
  testId: string;
}) {
  return (
    <div className={cx(styles.progress, className)} data-testid={testId} role="status">
      <progress value={done} max={Math.max(1, total)} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
