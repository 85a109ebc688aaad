import {
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type FormEvent,
  type ReactNode,
} from 'react';
import type { DestinationView } from '../../electron/contract/outbox';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { DEFAULT_PORTS, isWordPress } from '../../common/outbox/destination-kinds';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';
import {
  emptyForm,
  formOf,
  saveArgsOf,
  type DestinationForm as Form,
  type DestinationKind,
} from './view-model';
import { CheckLine } from '../ui/CheckLine';
import { cx } from '../ui/cx';
import styles from './outbox.module.css';

const KINDS: DestinationKind[] = [
  'sftp',
  'ftps',
  'ftp',
  'file',
  'wordpress+https',
  'wordpress+http',
];
const KIND_NAMES: Record<DestinationKind, (m: Messages) => string> = {
  sftp: () => 'SFTP',
  ftps: () => 'FTPS',
  ftp: () => 'FTP',
  file: (m) => m.destKindFile,
  'wordpress+https': (m) => m.destKindWordPress,
  'wordpress+http': (m) => m.destKindWordPressLocal,
};

type TextKey = Exclude<keyof Form, 'id' | 'kind' | 'trustNewHostKey'>;
/** Host names and user names are codes: no spell check, no capital first letter. */
const CODE = { spellCheck: false, autoCapitalize: 'off' } as const;

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
  const wordpress = isWordPress(form.kind);
  /** One labelled box of the form; `attrs` holds what differs (placeholder, input mode, …). */
  const box = (
    key: TextKey,
    label: ReactNode,
    attrs: ComponentPropsWithRef<'input'> & { 'data-testid': string },
    fieldClass?: string,
  ) => (
    <label className={cx(styles.outboxField, fieldClass)}>
      <span>{label}</span>
      <input
        className="path-input"
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        {...attrs}
      />
    </label>
  );
  return (
    <form
      className={styles.outboxForm}
      data-testid="outbox-dest-form"
      onSubmit={(e) => void submit(e)}
    >
      {box('name', m.destName, {
        ref: firstRef,
        placeholder: m.destNamePlaceholder,
        'data-testid': 'dest-name',
      })}
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
              {KIND_NAMES[k](m)}
            </option>
          ))}
        </select>
      </label>
      {remote ? (
        <div className={styles.outboxRow}>
          {box(
            'host',
            m.destHost,
            { ...CODE, placeholder: 'anh.toasoan.vn', 'data-testid': 'dest-host' },
            styles.isGrow,
          )}
          {box(
            'port',
            m.destPort,
            { inputMode: 'numeric', 'data-testid': 'dest-port' },
            styles.isPort,
          )}
        </div>
      ) : null}
      {remote
        ? box('user', m.destUser, { ...CODE, autoComplete: 'off', 'data-testid': 'dest-user' })
        : null}
      {box('remoteDir', wordpress ? m.destSitePath : remote ? m.destRemoteDir : m.destLocalDir, {
        spellCheck: false,
        placeholder: wordpress ? '/' : '/incoming/anh',
        'data-testid': 'dest-dir',
      })}
      {form.kind === 'sftp'
        ? box('identityFile', m.destIdentityFile, {
            spellCheck: false,
            placeholder: m.destIdentityPlaceholder,
            'data-testid': 'dest-identity',
          })
        : null}
      {remote
        ? box(
            'password',
            <>
              {wordpress ? m.destAppPassword : m.destPassword}
              {editing?.hasPassword ? (
                <span className={styles.outboxSaved}> — {m.destPasswordSaved}</span>
              ) : null}
            </>,
            {
              type: 'password',
              autoComplete: 'new-password',
              placeholder: editing?.hasPassword ? m.destPasswordKeep : '',
              'data-testid': 'dest-password',
            },
          )
        : null}
      {wordpress ? <p className={styles.outboxHint}>{m.destAppPasswordHint}</p> : null}
      {/* WordPress takes a photo per request; there is no stream to throttle, no key to pin. */}
      {wordpress
        ? null
        : box('limitKBps', m.destLimit, {
            className: cx('path-input', styles.isShort),
            inputMode: 'numeric',
            'data-testid': 'dest-limit',
          })}
      {remote && form.kind !== 'ftp' && !wordpress ? (
        <CheckLine
          className={cx('check-line', styles.outboxCheck)}
          checked={form.trustNewHostKey}
          testId="dest-trust"
          onChange={(trust) => set('trustNewHostKey', trust)}
        >
          <span>{m.destTrust}</span>
        </CheckLine>
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
