import { useId, type ChangeEvent } from 'react';
import { cx } from '../ui/cx';
import styles from './settings.module.css';

/**
 * A PEM text: pasted into the box, or read from a file here in the renderer (the file
 * never goes anywhere but into the box). `onFileError` names the file that failed.
 */
export function PemField({
  label,
  fileLabel,
  value,
  onChange,
  onFileError,
  testId,
  rows = 6,
  disabled = false,
}: {
  label: string;
  fileLabel: string;
  value: string;
  onChange: (text: string) => void;
  onFileError: (file: string) => void;
  testId: string;
  rows?: number;
  /** Until what it edits has loaded: what is typed meanwhile would be overwritten. */
  disabled?: boolean;
}) {
  const id = useId();
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    file.text().then(
      (text) => {
        input.value = '';
        onChange(text.normalize('NFC'));
      },
      () => {
        input.value = '';
        onFileError(file.name);
      },
    );
  };
  return (
    <div className={styles.pemField}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={cx('field-input', styles.pemText)}
        rows={rows}
        spellCheck={false}
        autoComplete="off"
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <label className={cx('button', 'small', styles.fileButton)}>
        {fileLabel}
        <input
          type="file"
          accept=".pem,.crt,.cer,.key,.txt,application/x-pem-file,text/plain"
          className="visually-hidden"
          disabled={disabled}
          data-testid={`${testId}-file`}
          onChange={readFile}
        />
      </label>
    </div>
  );
}
