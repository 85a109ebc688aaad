import { useState } from 'react';
import type { LogInfo } from '../../electron/contract/log';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { FailureNote } from '../errors/FailureNote';
import { useI18n } from '../i18n/context';
import styles from './settings.module.css';

/** One log line as a person reads it: time, level, what happened, then the rest. */
function readable(line: string): string {
  try {
    const { time, level, event, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const more = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${String(time ?? '')} ${String(level ?? '').toUpperCase()} ${String(event ?? '')}${more}`;
  } catch {
    return line;
  }
}

/**
 * The log of errors and job outcomes, where the desktop app's Help menu is out of reach
 * (browser mode): its path and last lines, on request.
 */
export function LogSection() {
  const { api } = useTransport();
  const { m } = useI18n();
  const [info, setInfo] = useState<LogInfo | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const show = () =>
    api.logInfo({ lines: 200 }).then(
      (i) => {
        setInfo(i);
        setError(null);
      },
      (err: unknown) => setError(failureOf(err)),
    );
  return (
    <fieldset className={styles.settingsGroup}>
      <legend className="section-title">{m.logTitle}</legend>
      <p className="muted small">{m.logHint}</p>
      <button
        type="button"
        className="button small"
        data-testid="log-show"
        onClick={() => void show()}
      >
        {info ? m.logRefresh : m.logShow}
      </button>
      {info ? (
        <>
          <p className="small">
            <span className="path" data-testid="log-path">
              {info.path}
            </span>
            {info.dropped ? ` · ${m.logDropped(info.dropped)}` : ''}
          </p>
          <pre className={styles.logLines} data-testid="log-lines">
            {info.lines.length ? info.lines.map(readable).join('\n') : m.logEmpty}
          </pre>
        </>
      ) : null}
      {error ? <FailureNote failure={error} /> : null}
    </fieldset>
  );
}
