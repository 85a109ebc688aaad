import { useId, useState, type ChangeEvent } from 'react';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';
import { useCodeReplacements } from '../caption-workspace/useCodeReplacements';
import { useI18n } from '../i18n/context';
import { download } from './download';

type Report =
  | { kind: 'imported'; name: string; count: number; skipped: { line: number; text: string }[] }
  | { kind: 'removed'; name: string }
  | { kind: 'error'; message: string };

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
        (err: unknown) => setReport({ kind: 'error', message: errorMessage(err) }),
      );
    };
    reader.onerror = () =>
      setReport({ kind: 'error', message: reader.error?.message ?? file.name });
    // Photo Mechanic's lists are UTF-8.
    reader.readAsText(file, 'utf-8');
  };

  const exportList = (name: string) => {
    api.exportCodeList({ name }).then(
      ({ text }) => download(`${name}.txt`, text),
      (err: unknown) => setReport({ kind: 'error', message: errorMessage(err) }),
    );
  };

  const remove = (name: string) => {
    api.removeCodeList({ name }).then(
      () => {
        setRemoving(null);
        setReport({ kind: 'removed', name });
      },
      (err: unknown) => setReport({ kind: 'error', message: errorMessage(err) }),
    );
  };

  return (
    <section className="settings-group" aria-labelledby={`${id}-title`} data-testid="code-lists">
      <h3 id={`${id}-title`} className="section-title">
        {m.codeListsTitle}
      </h3>
      <p className="muted small">{m.codeListsHint}</p>
      {codes.lists.length ? (
        <table className="lists-table">
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
                <td className="num">{list.count}</td>
                <td className="actions">
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
      <label className="button small file-button">
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
          className={`settings-report${report.kind === 'error' ? ' is-error' : ''}`}
          role="status"
          data-testid="code-list-report"
        >
          {report.kind === 'imported' ? (
            <>
              <p>{m.codeListImported(report.name, report.count)}</p>
              {report.skipped.length ? (
                <>
                  <p>{m.codeListSkipped(report.skipped.length)}</p>
                  <ul className="skipped">
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
            <p>{report.message}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
