import { useId, useState, type ChangeEvent } from 'react';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { useCodeReplacements } from '../caption-workspace/useCodeReplacements';
import { useI18n } from '../i18n/context';
import { download } from './download';
import { cx } from '../ui/cx';
import styles from './settings.module.css';

type Report =
  | { kind: 'imported'; name: string; count: number; skipped: { line: number; text: string }[] }
  | { kind: 'removed'; name: string }
  | { kind: 'error'; failure: Failure };

const baseName = (file: string) =>
  file
    .replace(/\.[^.]+$/u, '')
    .normalize('NFC')
    .trim() || 'codes';

/** Photo Mechanic code replacement lists: import a .txt, export one, unload one. */
export function CodeListsSection() {
  const { api } = useTransport();
  const { m } = useI18n();
  const id = useId();
  const codes = useCodeReplacements();
  const [report, setReport] = useState<Report | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      input.value = '';
      const name = baseName(file.name);
      api.importCodeList({ name, text: String(reader.result ?? '') }).then(
        // The lists themselves arrive as the core's codeListsChanged event.
        (r) => setReport({ kind: 'imported', ...r }),
        (err: unknown) => setReport({ kind: 'error', failure: failureOf(err) }),
      );
    };
    reader.onerror = () =>
      setReport({ kind: 'error', failure: failureOf(reader.error ?? file.name) });
    // Photo Mechanic's lists are UTF-8.
    reader.readAsText(file, 'utf-8');
  };

  const exportList = (name: string) => {
    api.exportCodeList({ name }).then(
      ({ text }) => download(`${name}.txt`, text),
      (err: unknown) => setReport({ kind: 'error', failure: failureOf(err) }),
    );
  };

  const remove = (name: string) => {
    api.removeCodeList({ name }).then(
      () => {
        setRemoving(null);
        setReport({ kind: 'removed', name });
      },
      (err: unknown) => setReport({ kind: 'error', failure: failureOf(err) }),
    );
  };

  return (
    <section
      className={styles.settingsGroup}
      aria-labelledby={`${id}-title`}
      data-testid="code-lists"
    >
      <h3 id={`${id}-title`} className="section-title">
        {m.codeListsTitle}
      </h3>
      <p className="muted small">{m.codeListsHint}</p>
      {codes.lists.length ? (
        <table className={styles.listsTable}>
          <thead>
            <tr>
              <th scope="col">{m.codeListName}</th>
              <th scope="col">{m.codeListCount}</th>
              <th scope="col">
                <span className="visually-hidden">{m.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.lists.map((list, i) => (
              <tr key={list.name} data-testid={`code-list-${list.name}`}>
                <td>
                  {list.name}
                  {i === codes.lists.length - 1 && codes.lists.length > 1 ? (
                    <span className="muted small"> · {m.codeListWins}</span>
                  ) : null}
                </td>
                <td className={styles.num}>{list.count}</td>
                <td className={styles.actions}>
                  {removing === list.name ? (
                    <>
                      <button
                        type="button"
                        className="button small danger"
                        onClick={() => remove(list.name)}
                      >
                        {m.codeListRemoveConfirm}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => setRemoving(null)}
                      >
                        {m.cancel}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => exportList(list.name)}
                      >
                        {m.codeListExport}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => setRemoving(list.name)}
                      >
                        {m.codeListRemove}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{codes.loaded ? m.codeListsEmpty : m.loading}</p>
      )}
      <label className={cx('button', 'small', styles.fileButton)}>
        {m.codeListImport}
        <input
          type="file"
          accept=".txt,text/plain"
          className="visually-hidden"
          data-testid="code-list-import"
          onChange={importFile}
        />
      </label>
      {report ? (
        <div
          className={cx(styles.settingsReport, report.kind === 'error' && styles.isError)}
          role="status"
          data-testid="code-list-report"
        >
          {report.kind === 'imported' ? (
            <>
              <p>{m.codeListImported(report.name, report.count)}</p>
              {report.skipped.length ? (
                <>
                  <p>{m.codeListSkipped(report.skipped.length)}</p>
                  <ul className={styles.skipped}>
                    {report.skipped.slice(0, 20).map((s) => (
                      <li key={s.line}>
                        <span className="muted">{m.lineNumber(s.line)}</span> <code>{s.text}</code>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : report.kind === 'removed' ? (
            <p>{m.codeListRemoved(report.name)}</p>
          ) : (
            <p>
              <ErrorLines text={describeError(report.failure, m)} />
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
