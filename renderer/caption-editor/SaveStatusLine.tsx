import { useI18n } from '../i18n/context';
import type { SaveStatus } from './autosaver';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { m } = useI18n();
  const text =
    status.phase === 'saving'
      ? m.saving
      : status.phase === 'saved'
        ? m.saved
        : status.phase === 'failed'
          ? m.saveFailed(describeError(status.failure, m))
          : status.phase === 'conflict'
            ? m.saveConflict
            : '';
  return (
    <span className={`save-status is-${status.phase}`} data-testid="save-status" aria-live="polite">
      <ErrorLines text={text} />
    </span>
  );
}
