import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DestinationView } from '../../electron/contract/outbox';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { useI18n } from '../i18n/context';
import {
  DEFAULT_PORTS,
  emptyForm,
  formOf,
  saveArgsOf,
  type DestinationForm as Form,
  type DestinationKind,
} from './view-model';
import { cx } from '../ui/cx';
import styles from './outbox.module.css';

const KINDS: DestinationKind[] = ['sftp', 'ftps', 'ftp', 'file'];
const KIND_NAMES: Record<Exclude<DestinationKind, 'file'>, string> = {
  sftp: 'SFTP',
  ftps: 'FTPS',
  ftp: 'FTP',
};

/** Add or change a destination. The password is sent once and never shown back. */
export function DestinationForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: DestinationView | null;
  onSaved: (d: DestinationView) => void;
  onCancel: () => void;
}) {
  const { api } = useTransport();
  const { m } = useI18n();
  const [form, setForm] = useState<Form>(() => (editing ? formOf(editing) : emptyForm()));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const changeKind = (kind: DestinationKind) =>
    setForm((f) => ({
      ...f,
      kind,
      // The port follows the kind unless the user typed one of their own.
      port:
        kind === 'file'
          ? ''
          : !f.port || f.port === String(DEFAULT_PORTS[f.kind])
            ? String(DEFAULT_PORTS[kind])
            : f.port,
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const args = saveArgsOf(form);
    if ('problem' in args) {
      setProblem(m[args.problem]);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await api.saveDestination(args));
    } catch (err) {
      setProblem(m.destSaveFailed(describeError(err, m)));
      setBusy(false);
    }
  };

  const remote = form.kind !== 'file';
  return (
    <form
      className={styles.outboxForm}
      data-testid="outbox-dest-form"
      onSubmit={(e) => void submit(e)}
    >
      <label className={styles.outboxField}>
        <span>{m.destName}</span>
        <input
          ref={firstRef}
          className="path-input"
          value={form.name}
          placeholder={m.destNamePlaceholder}
          data-testid="dest-name"
          onChange={(e) => set('name', e.target.value)}
        />
      </label>
      <label className={styles.outboxField}>
        <span>{m.destKind}</span>
        <select
          className="select"
          value={form.kind}
          data-testid="dest-kind"
          onChange={(e) => changeKind(e.target.value as DestinationKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'file' ? m.destKindFile : KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      {remote ? (
        <div className={styles.outboxRow}>
          <label className={cx(styles.outboxField, styles.isGrow)}>
            <span>{m.destHost}</span>
            <input
              className="path-input"
              value={form.host}
              spellCheck={false}
              autoCapitalize="off"
              placeholder="anh.toasoan.vn"
              data-testid="dest-host"
              onChange={(e) => set('host', e.target.value)}
            />
          </label>
          <label className={cx(styles.outboxField, styles.isPort)}>
            <span>{m.destPort}</span>
            <input
              className="path-input"
              value={form.port}
              inputMode="numeric"
              data-testid="dest-port"
              onChange={(e) => set('port', e.target.value)}
            />
          </label>
        </div>
      ) : null}
      {remote ? (
        <label className={styles.outboxField}>
          <span>{m.destUser}</span>
          <input
            className="path-input"
            value={form.user}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            data-testid="dest-user"
            onChange={(e) => set('user', e.target.value)}
          />
        </label>
      ) : null}
      <label className={styles.outboxField}>
        <span>{remote ? m.destRemoteDir : m.destLocalDir}</span>
        <input
          className="path-input"
          value={form.remoteDir}
          spellCheck={false}
          placeholder="/incoming/anh"
          data-testid="dest-dir"
          onChange={(e) => set('remoteDir', e.target.value)}
        />
      </label>
      {form.kind === 'sftp' ? (
        <label className={styles.outboxField}>
          <span>{m.destIdentityFile}</span>
          <input
            className="path-input"
            value={form.identityFile}
            spellCheck={false}
            placeholder={m.destIdentityPlaceholder}
            data-testid="dest-identity"
            onChange={(e) => set('identityFile', e.target.value)}
          />
        </label>
      ) : null}
      {remote ? (
        <label className={styles.outboxField}>
          <span>
            {m.destPassword}
            {editing?.hasPassword ? (
              <span className={styles.outboxSaved}> — {m.destPasswordSaved}</span>
            ) : null}
          </span>
          <input
            className="path-input"
            type="password"
            value={form.password}
            autoComplete="new-password"
            placeholder={editing?.hasPassword ? m.destPasswordKeep : ''}
            data-testid="dest-password"
            onChange={(e) => set('password', e.target.value)}
          />
        </label>
      ) : null}
      <label className={styles.outboxField}>
        <span>{m.destLimit}</span>
        <input
          className={cx('path-input', styles.isShort)}
          value={form.limitKBps}
          inputMode="numeric"
          data-testid="dest-limit"
          onChange={(e) => set('limitKBps', e.target.value)}
        />
      </label>
      {remote && form.kind !== 'ftp' ? (
        <label className={cx('check-line', styles.outboxCheck)}>
          <input
            type="checkbox"
            checked={form.trustNewHostKey}
            data-testid="dest-trust"
            onChange={(e) => set('trustNewHostKey', e.target.checked)}
          />
          <span>{m.destTrust}</span>
        </label>
      ) : null}
      {problem ? (
        <p className={styles.outboxProblem} role="alert" data-testid="dest-problem">
          <ErrorLines text={problem} />
        </p>
      ) : null}
      <div className={styles.outboxActions}>
        <button
          type="submit"
          className="button primary small"
          disabled={busy}
          data-testid="dest-save"
        >
          {m.destSave}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          {m.destCancel}
        </button>
      </div>
    </form>
  );
}
