import type { ReactNode } from 'react';
import { cx } from './cx';

/** One button of a row: the choice it offers and what it does. */
export interface RowButton {
  label: ReactNode;
  onClick: () => void;
  /** The expected choice, drawn as the primary button. */
  primary?: boolean;
  testId?: string;
  disabled?: boolean;
  /** Where a dialog puts the focus when it opens. */
  autofocus?: boolean;
}

/** A row of choices (keep / take, repair / keep, cancel / OK), in the order given. */
export function ButtonRow({
  className,
  small = false,
  buttons,
}: {
  className?: string;
  small?: boolean;
  buttons: RowButton[];
}) {
  return (
    <div className={className}>
      {buttons.map((b, i) => (
        <button
          key={i}
          type="button"
          className={cx('button', small && 'small', b.primary && 'primary')}
          data-testid={b.testId}
          data-autofocus={b.autofocus || undefined}
          disabled={b.disabled}
          onClick={b.onClick}
        >
          {b.label}
        </button>
      ))}
    </div>
  );
}
