import { useI18n } from '../i18n/context';
import type { SaveStatus } from './autosaver';

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { m } = useI18n();
  const text =
    status.phase === 'saving'
      ? m.saving
      : status.phase === 'saved'
        ? m.saved
        : status.phase === 'failed'
          ? m.saveFailed(status.message)
          : status.phase === 'conflict'
            ? m.saveConflict
            : '';
  return (
    <span className={`save-status is-${status.phase}`} data-testid="save-status" aria-live="polite">
      {text}
    </span>
  );
}
