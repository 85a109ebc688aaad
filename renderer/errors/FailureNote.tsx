import type { Failure } from '../api/errors';
import { useI18n } from '../i18n/context';
import { describeError } from './describe-error';
import { ErrorLines } from './ErrorLines';

/** A failed call under the form that made it, in the UI's language, English detail below. */
export function FailureNote({ failure }: { failure: Failure }) {
  const { m } = useI18n();
  return (
    <p className="form-error" role="alert">
      <ErrorLines text={describeError(failure, m)} />
    </p>
  );
}
