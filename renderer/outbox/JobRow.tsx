import { useI18n } from '../i18n/context';
import type { JobDisplay } from './view-model';

/** One package-to-destination job: state, bytes, speed, ETA, the last error, the key check. */
export function JobRow({
  view,
  onCancel,
  onRetry,
  onAcceptKey,
}: {
  view: JobDisplay;
  onCancel: () => void;
  onRetry: () => void;
  onAcceptKey: (fingerprint: string) => void;
}) {
  const { m } = useI18n();
  const facts = [view.bytes, view.speed, view.eta, view.attempts, view.nextAttempt].filter(
    (f): f is string => f !== null,
  );
  return (
    <li
      className={`outbox-job is-${view.tone}`}
      data-testid={`outbox-job-${view.id}`}
      data-state={view.state}
    >
      <div className="outbox-job-head">
        <span className="outbox-job-title" title={view.title}>
          {view.title}
        </span>
        <span className={`outbox-state is-${view.tone}`} data-testid="outbox-job-state">
          {view.stateLabel}
        </span>
      </div>
      <progress value={view.value} max={view.max} aria-label={`${view.stateLabel} ${view.bytes}`} />
      <div className="outbox-job-facts small muted" data-testid="outbox-job-facts">
        {facts.join(' · ')}
      </div>
      {view.error && !view.hostKey ? (
        <p className="outbox-error" title={view.error.detail} data-testid="outbox-job-error">
          {view.error.text}
        </p>
      ) : null}
      {view.hostKey?.kind === 'unknown' ? (
        <div className="outbox-hostkey" role="alert" data-testid="outbox-hostkey">
          <p>{m.errHostKeyUnknown}</p>
          <p className="outbox-fingerprint">{m.hostKeyFingerprint(view.hostKey.fingerprint)}</p>
          <div className="outbox-actions">
            <button
              type="button"
              className="button primary small"
              data-testid="outbox-hostkey-accept"
              onClick={() => view.hostKey && onAcceptKey(view.hostKey.fingerprint)}
            >
              {m.hostKeyAccept}
            </button>
            <button type="button" className="button small" onClick={onCancel}>
              {m.hostKeyRefuse}
            </button>
          </div>
        </div>
      ) : null}
      {view.hostKey?.kind === 'changed' ? (
        <div
          className="outbox-hostkey is-changed"
          role="alert"
          data-testid="outbox-hostkey-changed"
        >
          <p>{m.errHostKeyChanged}</p>
          <p className="outbox-fingerprint">
            {m.hostKeyChangedFingerprint(view.hostKey.fingerprint)}
          </p>
        </div>
      ) : null}
      {(view.canCancel || view.canRetry) && view.hostKey?.kind !== 'unknown' ? (
        <div className="outbox-actions">
          {view.canRetry ? (
            <button type="button" className="button small" onClick={onRetry}>
              {m.outboxRetry}
            </button>
          ) : null}
          {view.canCancel ? (
            <button type="button" className="button small" onClick={onCancel}>
              {m.outboxCancel}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
