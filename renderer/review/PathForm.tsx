import { useId, useState, type ReactNode } from 'react';
import styles from './review.module.css';

/** A path field and a button: the way to name a package until the desktop has a file dialog. */
export function PathForm({
  label,
  placeholder,
  button,
  busy,
  testId,
  initial = '',
  autoFocus = false,
  onSubmit,
  children,
}: {
  label: string;
  placeholder: string;
  button: string;
  busy: boolean;
  testId: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (path: string) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [path, setPath] = useState(initial);
  return (
    <form
      className={styles.rvPath}
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() && !busy) onSubmit(path.trim());
      }}
    >
      {children}
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={path}
        placeholder={placeholder}
        spellCheck={false}
        autoFocus={autoFocus}
        data-testid={`${testId}-path`}
        onChange={(event) => setPath(event.target.value)}
      />
      <button type="submit" disabled={busy || !path.trim()} data-testid={`${testId}-submit`}>
        {button}
      </button>
    </form>
  );
}

/** A refused package: the core's message, one problem (naming its file) per line. */
export function Problems({ message, testId }: { message: string; testId: string }) {
  const [head, ...lines] = message.split('\n');
  return (
    <div className={styles.rvError} role="alert" data-testid={testId}>
      <p>{head}</p>
      {lines.length ? (
        // The first line is in the UI's language; what follows is the core's English detail.
        <ul lang="en">
          {lines.map((line, i) => (
            <li key={i}>{line.trim()}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
