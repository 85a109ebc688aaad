import styles from './ProgressLine.module.css';

/** A quiet progress line for a background job; the grid stays usable meanwhile. Nothing while idle. */
export function ProgressLine({
  progress,
  label,
  testId,
}: {
  progress: { done: number; total: number } | null;
  /** The words for "done of total", in the UI language. */
  label: (done: number, total: number) => string;
  testId: string;
}) {
  if (!progress) return null;
  const { done, total } = progress;
  const text = label(done, total);
  return (
    <div className={styles.progress} data-testid={testId} role="status">
      <progress value={done} max={Math.max(1, total)} aria-label={text} />
      <span>{text}</span>
    </div>
  );
}
