import { useI18n } from '../i18n/context';
import { ButtonRow } from '../ui/ButtonRow';
import { cx } from '../ui/cx';
import styles from './outbox.module.css';
import type { JobDisplay, Tone } from './view-model';

const TONE_CLASS: Record<Tone, string | undefined> = {
  active: undefined,
  ok: styles.isOk,
  warn: styles.isWarn,
  error: styles.isError,
  muted: styles.isMuted,
};

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
      className={cx(styles.outboxJob, TONE_CLASS[view.tone])}
      data-testid={`outbox-job-${view.id}`}
      data-state={view.state}
    >
      <div className={styles.outboxJobHead}>
        <span className={styles.outboxJobTitle} title={view.title}>
          {view.title}
        </span>
        <span
          className={cx(styles.outboxState, TONE_CLASS[view.tone])}
          data-testid="outbox-job-state"
        >
          {view.stateLabel}
        </span>
      </div>
      <progress value={view.value} max={view.max} aria-label={`${view.stateLabel} ${view.bytes}`} />
      <div className={cx(styles.outboxJobFacts, 'small', 'muted')} data-testid="outbox-job-facts">
        {facts.join(' · ')}
      </div>
      {view.heldBy ? (
        <p className={cx(styles.outboxRemote, 'small')} role="status" data-testid="outbox-job-held">
          {view.heldBy}
        </p>
      ) : null}
      {view.remoteUrl ? (
        // Text to copy, not a link: the app opens no site it does not know.
        <p className={cx(styles.outboxRemote, 'small')} data-testid="outbox-job-remote">
          {m.outboxDraftAt} <span className={styles.outboxRemoteUrl}>{view.remoteUrl}</span>
        </p>
      ) : null}
      {view.error && !view.hostKey ? (
        <p className={styles.outboxError} title={view.error.detail} data-testid="outbox-job-error">
          {view.error.text}
        </p>
      ) : null}
      {view.hostKey?.kind === 'unknown' ? (
        <div className={styles.outboxHostkey} role="alert" data-testid="outbox-hostkey">
          <p>{m.errHostKeyUnknown}</p>
          <p className={styles.outboxFingerprint}>
            {m.hostKeyFingerprint(view.hostKey.fingerprint)}
          </p>
          <ButtonRow
            className={styles.outboxActions}
            small
            buttons={[
              {
                label: m.hostKeyAccept,
                onClick: () => view.hostKey && onAcceptKey(view.hostKey.fingerprint),
                primary: true,
                testId: 'outbox-hostkey-accept',
              },
              { label: m.hostKeyRefuse, onClick: onCancel },
            ]}
          />
        </div>
      ) : null}
      {view.hostKey?.kind === 'changed' ? (
        <div
          className={cx(styles.outboxHostkey, styles.isChanged)}
          role="alert"
          data-testid="outbox-hostkey-changed"
        >
          <p>{m.errHostKeyChanged}</p>
          <p className={styles.outboxFingerprint}>
            {m.hostKeyChangedFingerprint(view.hostKey.fingerprint)}
          </p>
        </div>
      ) : null}
      {(view.canCancel || view.canRetry) && view.hostKey?.kind !== 'unknown' ? (
        <div className={styles.outboxActions}>
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
