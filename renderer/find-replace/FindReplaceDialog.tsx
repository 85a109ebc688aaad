import { useEffect, useId, useState } from 'react';
import type { FindSpec } from '../../common/captioning/find-replace';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import { highlightChange, patternError, type Part } from './highlight';
import { CheckLine } from '../ui/CheckLine';
import { TextBox } from '../ui/TextBox';
import styles from './find-replace.module.css';

interface Change {
  file: string;
  before: string;
  after: string;
  count: number;
}

type Outcome =
  | { key: string; kind: 'preview'; changes: Change[] }
  | { key: string; kind: 'error'; failure: Failure }
  | { key: string; kind: 'applied'; photos: number; count: number };

const PREVIEW_DELAY_MS = 250;

function Marked({ parts, kind }: { parts: Part[]; kind: 'del' | 'ins' }) {
  return (
    <>
      {parts.map((p, i) =>
        p.changed ? (
          // <del>/<ins> say what changed to a screen reader too (roles deletion/insertion).
          kind === 'del' ? (
            <del key={i} className={styles.frDel}>
              {p.text}
            </del>
          ) : (
            <ins key={i} className={styles.frIns}>
              {p.text}
            </ins>
          )
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Find and replace across the photos' own caption text (Ctrl/Cmd+H). What would change
 * is shown first, highlighted; nothing is written until Apply.
 */
export function FindReplaceDialog({
  folder,
  selectedFiles,
  beforeRun,
  onClose,
}: {
  folder: string;
  selectedFiles: string[];
  /** Unsaved caption text must reach the sidecars before they are searched. */
  beforeRun: () => Promise<void>;
  onClose: () => void;
}) {
  const { api } = useTransport();
  const { m } = useI18n();
  const id = useId();
  const [spec, setSpec] = useState<FindSpec>({
    find: '',
    replace: '',
    regex: false,
    caseSensitive: false,
  });
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const files = scope === 'selection' && selectedFiles.length > 1 ? selectedFiles : undefined;
  const key = JSON.stringify([spec, files ?? null]);
  const localError = spec.regex ? patternError(spec) : null;
  const current = outcome?.key === key ? outcome : null;
  const applied = outcome?.kind === 'applied' ? outcome : null;

  useEffect(() => {
    // Everything the preview depends on is in `key`, so typing the same text twice asks once.
    const [asked, scoped] = JSON.parse(key) as [FindSpec, string[] | null];
    if (!asked.find || localError) return;
    let live = true;
    const timer = setTimeout(() => {
      void beforeRun()
        .then(() =>
          api.findReplace({ folder, spec: asked, apply: false, files: scoped ?? undefined }),
        )
        .then(
          (r) => live && setOutcome({ key, kind: 'preview', changes: r.changes }),
          (err: unknown) => live && setOutcome({ key, kind: 'error', failure: failureOf(err) }),
        );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, folder, key, localError, beforeRun]);

  const changes = current?.kind === 'preview' ? current.changes : [];
  const total = changes.reduce((n, c) => n + c.count, 0);

  const run = async () => {
    if (!changes.length) return;
    setBusy(true);
    try {
      await beforeRun();
      const r = await api.findReplace({ folder, spec, apply: true, files });
      setOutcome({
        key: '',
        kind: 'applied',
        photos: r.changes.length,
        count: r.changes.reduce((n, c) => n + c.count, 0),
      });
    } catch (err) {
      setOutcome({ key, kind: 'error', failure: failureOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const edit = (patch: Partial<FindSpec>) => setSpec((s) => ({ ...s, ...patch }));
  /** The search and replacement boxes: Vietnamese text, NFC as typed. */
  const box = (key: 'find' | 'replace', label: string, first: boolean) => (
    <TextBox
      id={`${id}-${key}`}
      label={label}
      // The dialog opens for typing the search.
      autoFocus={first}
      testId={`fr-${key}`}
      value={spec[key]}
      onChange={(e) => edit({ [key]: e.currentTarget.value.normalize('NFC') })}
    />
  );
  const error = localError
    ? m.findInvalidRegex(localError)
    : current?.kind === 'error'
      ? describeError(current.failure, m)
      : null;

  return (
    <Modal title={m.findTitle} onClose={onClose} testId="find-replace" className="is-wide">
      <div className="modal-body">
        <div className={styles.frForm}>
          {box('find', m.findLabel, true)}
          {box('replace', m.replaceLabel, false)}
          <div className={styles.frOptions}>
            <CheckLine
              className="check-line"
              checked={spec.regex}
              testId="fr-regex"
              onChange={(regex) => edit({ regex })}
            >
              {m.findRegex}
            </CheckLine>
            <CheckLine
              className="check-line"
              checked={spec.caseSensitive}
              testId="fr-case"
              onChange={(caseSensitive) => edit({ caseSensitive })}
            >
              {m.findCase}
            </CheckLine>
            {selectedFiles.length > 1 ? (
              <CheckLine
                className="check-line"
                checked={scope === 'selection'}
                testId="fr-selection"
                onChange={(only) => setScope(only ? 'selection' : 'all')}
              >
                {m.findInSelection(selectedFiles.length)}
              </CheckLine>
            ) : null}
          </div>
        </div>
        {error ? (
          <p className="form-error" role="alert" data-testid="fr-error">
            <ErrorLines text={error} />
          </p>
        ) : null}
        {applied ? (
          <p className={styles.frResult} role="status" data-testid="fr-result">
            {m.findApplied(applied.count, applied.photos)}
          </p>
        ) : null}
        {spec.find && !error && current?.kind === 'preview' ? (
          changes.length ? (
            <div className={styles.frTableWrap}>
              <table className={styles.frTable} data-testid="fr-preview">
                <caption className={styles.frSummary}>
                  {m.findSummary(total, changes.length)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.findFile}</th>
                    <th scope="col">{m.findBefore}</th>
                    <th scope="col">{m.findAfter}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => {
                    const parts = highlightChange(c.before, spec);
                    return (
                      <tr key={c.file} data-testid={`fr-row-${c.file}`}>
                        <td className={styles.frFile}>{c.file}</td>
                        <td lang="vi">
                          <Marked parts={parts.before} kind="del" />
                        </td>
                        <td lang="vi">
                          <Marked parts={parts.after} kind="ins" />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted" data-testid="fr-none">
              {m.findNone}
            </p>
          )
        ) : null}
      </div>
      <footer className="modal-foot">
        <button type="button" className="button" onClick={onClose}>
          {m.close}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy || changes.length === 0}
          data-testid="fr-apply"
          onClick={() => void run()}
        >
          {m.findApply(changes.length)}
        </button>
      </footer>
    </Modal>
  );
}
