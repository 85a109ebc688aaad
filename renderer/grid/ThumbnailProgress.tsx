import type { Progress } from '../app/useFolderSession';
import { useI18n } from '../i18n/context';
import { ProgressLine } from './ProgressLine';

export function ThumbnailProgress({ progress }: { progress: Progress | null }) {
  const { m } = useI18n();
  if (!progress) return null;
  return (
    <ProgressLine
      done={progress.done}
      total={progress.total}
      label={m.thumbnailsProgress(progress.done, progress.total)}
      testId="progress"
    />
  );
}
