import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { DestinationView } from '../../electron/contract/outbox';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { isString, readStored, writeStored } from '../ui/storage';
import { useI18n } from '../i18n/context';
import { DestinationForm } from './DestinationForm';
import type { OutboxState } from './useOutbox';
import { JobRow } from './JobRow';
import { useBuiltPackages } from './useBuiltPackages';
import { jobDisplay, sortJobs } from './view-model';
import { cx } from '../ui/cx';
import styles from './outbox.module.css';

const LAST_PACKAGE = 'captiondesk.outbox.lastPackage';
const LAST_DESTINATION = 'captiondesk.outbox.lastDestination';

/** The outbox: send a package, watch the queue, manage destinations. Esc closes. */
export function OutboxPanel({
  folder,
  outbox,
  onClose,
}: {
  folder: string | null;
  outbox: OutboxState;
  onClose: () => void;
}) {
  const { api } = useTransport();
  const { m, lang } = useI18n();
  const { jobs, destinations, loadError, refreshJobs, refreshDestinations } = outbox;
  const titleId = useId();
  const listId = useId();
  const pathRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // A pressed button may vanish with its job's old state: the keyboard then stays in the panel.
  const keepFocus = useRef(false);

  const built = useBuiltPackages(folder);
  // What was typed or last sent; else the newest package once the core has listed them.
  const [typedPath, setPackagePath] = useState<string | null>(
    () => readStored(LAST_PACKAGE, '', isString) || null,
  );
  const packagePath = typedPath ?? built[0] ?? '';
  const [chosen, setChosen] = useState(() => readStored(LAST_DESTINATION, '', isString));
  const destination = destinations.some((d) => d.id === chosen) ? chosen : destinations[0]?.id;
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState<DestinationView | 'new' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  useEffect(() => pathRef.current?.focus(), []);
  useEffect(() => {
    if (!keepFocus.current || document.activeElement !== document.body) return;
    keepFocus.current = false;
    panelRef.current?.focus();
  }, [jobs, destinations]);

  // Esc closes, whether the keyboard is in the panel or nowhere (a button that was just
  // pressed may have vanished with its job's old state); a dialog elsewhere keeps its Esc.
  const onEscape = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body && !panelRef.current?.contains(focused)) return;
    event.preventDefault();
    // In the destination form, Esc leaves the form first.
    if (focused instanceof HTMLElement && focused.closest(`.${styles.outboxForm}`)) {
      setEditing(null);
      panelRef.current?.focus();
    } else {
      onClose();
    }
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onEscape(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const send = async () => {
    const path = packagePath.trim();
    if (!path) return setSendError(m.outboxNeedPath);
    if (!destination) return setSendError(m.outboxNeedDestination);
    setSending(true);
    setSendError(null);
    writeStored(LAST_PACKAGE, path);
    writeStored(LAST_DESTINATION, destination);
    try {
      await api.outboxEnqueue({ packagePath: path, destination, wait: false });
    } catch (err) {
      setSendError(m.outboxSendFailed(describeError(err, m)));
    } finally {
      setSending(false);
      refreshJobs();
    }
  };

  /** Run a job action, then show the new state; a failure is said in the panel. */
  const act = async (work: () => Promise<unknown>) => {
    setActionError(null);
    keepFocus.current = !!panelRef.current?.contains(document.activeElement);
    try {
      await work();
    } catch (err) {
      setActionError(m.outboxActionFailed(describeError(err, m)));
    } finally {
      refreshJobs();
    }
  };

  const acceptKey = (jobId: string, destinationId: string, fingerprint: string) =>
    act(async () => {
      await api.acceptHostKey({ destination: destinationId, fingerprint });
      await refreshDestinations();
      await api.outboxRetry({ id: jobId, wait: false });
    });

  const remove = (id: string) =>
    act(async () => {
      await api.deleteDestination({ id });
      setConfirmDelete(null);
      await refreshDestinations();
    });

  const saved = (d: DestinationView) => {
    setEditing(null);
    setChosen(d.id);
    writeStored(LAST_DESTINATION, d.id);
    void refreshDestinations();
  };

  const shown = sortJobs(jobs).map((j) => ({ job: j, view: jobDisplay(j, destinations, m, lang) }));

  return (
    <aside
      className={styles.outboxPanel}
      role="dialog"
      aria-labelledby={titleId}
      data-testid="outbox-panel"
      ref={panelRef}
      tabIndex={-1}
    >
      <header className={styles.outboxHead}>
        <h2 id={titleId}>{m.outboxTitle}</h2>
        <span className="spacer" />
        <button type="button" className="button small" onClick={onClose} title={m.outboxClose}>
          {m.outboxClose}
        </button>
      </header>
      {loadError ? (
        <p className={styles.outboxProblem} role="alert">
          <ErrorLines text={m.outboxLoadFailed(describeError(loadError, m))} />
        </p>
      ) : null}

      <section className={styles.outboxSection} aria-label={m.outboxSendTitle}>
        <h3>{m.outboxSendTitle}</h3>
        <form
          className={styles.outboxSend}
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label className={styles.outboxField}>
            <span>{m.outboxPackagePath}</span>
            <input
              ref={pathRef}
              className="path-input"
              value={packagePath}
              list={built.length ? listId : undefined}
              spellCheck={false}
              placeholder={m.outboxPackagePlaceholder}
              data-testid="outbox-package-path"
              onChange={(e) => setPackagePath(e.target.value)}
            />
          </label>
          {built.length ? (
            <datalist id={listId}>
              {built.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          ) : null}
          <div className={styles.outboxRow}>
            <label className={cx(styles.outboxField, styles.isGrow)}>
              <span>{m.outboxDestination}</span>
              <select
                className="select"
                value={destination ?? ''}
                disabled={!destinations.length}
                data-testid="outbox-destination"
                onChange={(e) => setChosen(e.target.value)}
              >
                {destinations.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className={cx('button', 'primary', styles.outboxSendButton)}
              disabled={sending}
              data-testid="outbox-send"
            >
              {sending ? m.outboxSending : m.outboxSend}
            </button>
          </div>
          {!destinations.length ? <p className="muted small">{m.outboxNeedDestination}</p> : null}
          {sendError ? (
            <p className={styles.outboxProblem} role="alert" data-testid="outbox-send-error">
              <ErrorLines text={sendError} />
            </p>
          ) : null}
        </form>
      </section>

      <section className={styles.outboxSection} aria-label={m.outboxJobsTitle}>
        <h3>{m.outboxJobsTitle}</h3>
        {actionError ? (
          <p className={styles.outboxProblem} role="alert">
            <ErrorLines text={actionError} />
          </p>
        ) : null}
        {shown.length ? (
          <ul className={styles.outboxJobs} data-testid="outbox-jobs">
            {shown.map(({ job, view }) => (
              <JobRow
                key={job.id}
                view={view}
                onCancel={() => void act(() => api.outboxCancel({ id: job.id }))}
                onRetry={() => void act(() => api.outboxRetry({ id: job.id, wait: false }))}
                onAcceptKey={(fp) => void acceptKey(job.id, job.destinationId, fp)}
              />
            ))}
          </ul>
        ) : (
          <p className="muted small">{m.outboxNoJobs}</p>
        )}
      </section>

      <section className={styles.outboxSection} aria-label={m.destTitle}>
        <h3>{m.destTitle}</h3>
        {destinations.length ? (
          <ul className={styles.outboxDests} data-testid="outbox-destinations">
            {destinations.map((d) => (
              <li key={d.id} className={styles.outboxDest} data-testid={`outbox-dest-${d.id}`}>
                <div className={styles.outboxDestMain}>
                  <strong>{d.name}</strong>
                  <span className="path">{d.url}</span>
                  <span className="muted small">
                    {[
                      d.hasPassword ? m.destPasswordSaved : null,
                      d.limitKBps ? m.destLimitShown(d.limitKBps) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {d.fingerprint ? (
                    <span className="path muted">{m.destPinned(d.fingerprint)}</span>
                  ) : null}
                </div>
                {confirmDelete === d.id ? (
                  <div className={styles.outboxActions} role="group">
                    <span className="small">{m.destDeleteConfirm(d.name)}</span>
                    <button
                      type="button"
                      className={cx('button', 'small', styles.isDanger)}
                      onClick={() => void remove(d.id)}
                    >
                      {m.destDelete}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setConfirmDelete(null)}
                    >
                      {m.destCancel}
                    </button>
                  </div>
                ) : (
                  <div className={styles.outboxActions}>
                    <button type="button" className="button small" onClick={() => setEditing(d)}>
                      {m.destEdit}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setConfirmDelete(d.id)}
                    >
                      {m.destDelete}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{m.destNone}</p>
        )}
        {editing ? (
          <DestinationForm
            key={editing === 'new' ? 'new' : editing.id}
            editing={editing === 'new' ? null : editing}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <button
            type="button"
            className="button small"
            data-testid="outbox-add-destination"
            onClick={() => setEditing('new')}
          >
            {m.destAdd}
          </button>
        )}
      </section>
    </aside>
  );
}
