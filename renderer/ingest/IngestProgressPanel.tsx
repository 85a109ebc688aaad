import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';
import { formatFileSize } from '../i18n/format';
import { formatEta } from '../outbox/view-model';
import { ingestStore, type IngestRunState } from './ingest-store';
import { cx } from '../ui/cx';
import styles from './ingest.module.css';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

/** Non-modal, so the grid stays usable: culling starts while the card copies. */
export function IngestProgressPanel({ run }: { run: IngestRunState }) {
  const { api } = useTransport();
  const { m, lang } = useI18n();
  const p = run.progress;
  const r = run.result;
  const done = !!(r || run.error);
  const title = r?.cancelled
    ? m.ingestCancelledTitle
    : done
      ? m.ingestDoneTitle
      : m.ingestProgressTitle;
  const size = (n: number) => formatFileSize(lang, n);
  const failures = r?.files.filter((f) => f.status === 'failed') ?? [];
  const pct =
    p && p.bytesTotal ? Math.min(100, (p.bytesDone / p.bytesTotal) * 100) : done ? 100 : 0;
  return (
    <section
      className={styles.ingestPanel}
      role="status"
      aria-label={title}
      data-testid="ingest-panel"
    >
      <header className={styles.ingestPanelHead}>
        <strong>{title}</strong>
        {done ? (
          <button type="button" className="button small" onClick={() => ingestStore.dismiss()}>
            {m.ingestDismiss}
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            disabled={run.cancelling}
            data-testid="ingest-cancel"
            onClick={() => ingestStore.cancel(api)}
          >
            {m.ingestCancel}
          </button>
        )}
      </header>
      <progress max={100} value={pct} />
      {p ? (
        <p className={styles.ingestFigures} data-testid="ingest-figures">
          <span>{m.ingestFiles(p.filesDone, p.filesTotal)}</span>
          <span>{m.ingestBytes(size(p.bytesDone), size(p.bytesTotal))}</span>
          {!done && p.bytesPerSecond ? <span>{m.ingestSpeed(size(p.bytesPerSecond))}</span> : null}
          {!done && p.etaSeconds !== null ? (
            <span>{m.ingestEta(formatEta(lang, p.etaSeconds))}</span>
          ) : null}
          {p.failed > 0 && !r ? (
            <span className={styles.error}>{m.ingestFailedCount(p.failed)}</span>
          ) : null}
        </p>
      ) : null}
      {!done && p?.current ? (
        <p className={cx(styles.ingestCurrent, 'muted')}>{m.ingestCurrent(p.current)}</p>
      ) : null}
      {r ? (
        <p data-testid="ingest-summary">{m.ingestSummary(r.copied, r.skipped, r.failed)}</p>
      ) : null}
      {run.error ? (
        <p className={styles.error}>
          <ErrorLines text={m.ingestFailed(describeError(run.error, m))} />
        </p>
      ) : null}
      {failures.length ? (
        <details open className={styles.ingestFailures}>
          <summary>{m.ingestFailures}</summary>
          <ul>
            {failures.map((f) => (
              <li key={f.source} data-code={f.code}>
                {f.error ? <ErrorLines text={describeError(f, m)} /> : f.source}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
