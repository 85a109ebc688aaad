import { ProgressLine } from '../grid/ProgressLine';
import { useI18n } from '../i18n/context';
import type { AnalysisProgress as Progress } from './useAnalysis';

/** The assisted culling's progress, while the folder is analysed. */
export function AnalysisProgress({ progress }: { progress: Progress | null }) {
  const { m } = useI18n();
  if (!progress) return null;
  return (
    <ProgressLine
      done={progress.done}
      total={progress.total}
      label={m.anProgress(progress.done, progress.total)}
      testId="analysis-progress"
    />
  );
}
