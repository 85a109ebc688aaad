import { cx } from '../ui/cx';
import styles from './review.module.css';

/** An inline text field that grows with its text. */
export function TextEdit({
  label,
  value,
  testId,
  className = '',
  edited = false,
  onChange,
}: {
  label: string;
  value: string;
  testId: string;
  className?: string;
  /** Differs from the package: marked until saved. */
  edited?: boolean;
  onChange: (text: string) => void;
}) {
  return (
    <textarea
      className={cx(styles.rvEdit, className, edited && styles.isEdited)}
      aria-label={label}
      title={label}
      value={value}
      rows={1}
      spellCheck={false}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
