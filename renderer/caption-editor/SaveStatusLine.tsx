import { useI18n } from '../i18n/context';
import type { SaveStatus } from './autosaver';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

/** Saving, saved, or why not: the caption's and the fields' save state, said the same way. */
export function SaveStatusLine({
  status,
  testId = 'save-status',
}: {
  status: SaveStatus;
  /** null for a second line on the same screen (the fields), so the caption's stays unique. */
  testId?: string | null;
}) {
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
    <span
      className={`save-status is-${status.phase}`}
      data-testid={testId ?? undefined}
      aria-live="polite"
    >
      <ErrorLines text={text} />
    </span>
  );
}
