import type { Progress } from '../app/useFolderSession';
import { useI18n } from '../i18n/context';

export function ThumbnailProgress({ progress }: { progress: Progress | null }) {
  const { m } = useI18n();
  if (!progress) return null;
  const label = m.thumbnailsProgress(progress.done, progress.total);
  return (
    <div className="progress" data-testid="progress" role="status">
      <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={label} />
      <span className="progress-label">{label}</span>
    </div>
  );
}
