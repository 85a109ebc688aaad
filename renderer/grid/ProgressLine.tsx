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
    <div className={`progress ${className}`.trim()} data-testid={testId} role="status">
      <progress value={done} max={Math.max(1, total)} aria-label={label} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
