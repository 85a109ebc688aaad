import { useI18n } from '../i18n/context';
import type { AnalysisProgress as Progress } from './useAnalysis';

/** A quiet line while the folder is analysed; the grid stays usable meanwhile. */
export function AnalysisProgress({ progress }: { progress: Progress | null }) {
  const { m } = useI18n();
  if (!progress) return null;
  const label = m.anProgress(progress.done, progress.total);
  return (
    <div className="progress analysis-progress" data-testid="analysis-progress" role="status">
      <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={label} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
