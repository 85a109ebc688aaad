import { useCallback, useEffect, useState } from 'react';
import type { Template } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { useI18n } from '../i18n/context';
import styles from './template.module.css';

/**
 * Named templates kept across events ("Lào Cai / hội nghị"). An inline name field and
 * confirmation rather than prompt()/confirm(), which Electron does not implement.
 */
export function TemplateLibrary({
  current,
  template,
  onLoad,
  onStored,
  onDeleted,
  onError,
}: {
  current: string | null;
  template: Template;
  onLoad: (name: string, template: Template) => void;
  onStored: (name: string) => void;
  onDeleted: (name: string) => void;
  onError: (failure: Failure) => void;
}) {
  const { api, onEvent } = useTransport();
  const { m } = useI18n();
  const [names, setNames] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string>(current ?? '');
  const [naming, setNaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const refresh = useCallback(
    () =>
      api.listTemplates({}).then(
        (list) => setNames(list),
        (err: unknown) => onError(failureOf(err)),
      ),
    [api, onError],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Saved or deleted here, in another window or by the CLI: the core says so.
  useEffect(() => onEvent((e) => e.type === 'templatesChanged' && setNames(e.names)), [onEvent]);

  const selected = names.includes(chosen) ? chosen : '';

  const load = () => {
    if (!selected) return;
    api.loadTemplate({ name: selected }).then(
      (t) => onLoad(selected, t),
      (err: unknown) => onError(failureOf(err)),
    );
  };

  const store = () => {
    const name = (naming ?? '').trim().normalize('NFC');
    if (!name) return;
    api.saveTemplate({ name, template }).then(
      (r) => {
        setNaming(null);
        setChosen(r.name);
        onStored(r.name);
      },
      (err: unknown) => onError(failureOf(err)),
    );
  };

  const remove = () => {
    if (!selected) return;
    api.deleteTemplate({ name: selected }).then(
      () => {
        setConfirming(false);
        setChosen('');
        onDeleted(selected);
      },
      (err: unknown) => onError(failureOf(err)),
    );
  };

  if (naming !== null) {
    return (
      <div className={styles.library} role="group" aria-label={m.templateLibrary}>
        <input
          type="text"
          className="field-input"
          aria-label={m.templateNameLabel}
          placeholder={m.templateNamePlaceholder}
          data-testid="template-name"
          maxLength={100}
          value={naming}
          // The field appears because the user asked for it; the keyboard goes there.
          autoFocus
          onChange={(e) => setNaming(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              store();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setNaming(null);
            }
          }}
        />
        <button
          type="button"
          className="button small primary"
          data-testid="template-store"
          onClick={store}
        >
          {m.templateStore}
        </button>
        <button type="button" className="button small" onClick={() => setNaming(null)}>
          {m.cancel}
        </button>
      </div>
    );
  }

  if (confirming && selected) {
    return (
      <div className={styles.library} role="group" aria-label={m.templateLibrary}>
        <span className={styles.libraryConfirm}>{m.templateDeleteConfirm(selected)}</span>
        <button
          type="button"
          className="button small danger"
          data-testid="template-delete-confirm"
          onClick={remove}
        >
          {m.delete}
        </button>
        <button type="button" className="button small" onClick={() => setConfirming(false)}>
          {m.cancel}
        </button>
      </div>
    );
  }

  return (
    <div className={styles.library} role="group" aria-label={m.templateLibrary}>
      <select
        className="select small"
        aria-label={m.templateLibrary}
        data-testid="template-library"
        value={selected}
        onChange={(e) => setChosen(e.currentTarget.value)}
      >
        <option value="">{names.length ? m.templateChoose : m.templateNone}</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        disabled={!selected}
        data-testid="template-load"
        onClick={load}
      >
        {m.templateLoad}
      </button>
      <button
        type="button"
        className="button small"
        disabled={!selected}
        data-testid="template-delete"
        onClick={() => setConfirming(true)}
      >
        {m.delete}
      </button>
      <button
        type="button"
        className="button small"
        data-testid="template-save-as"
        onClick={() => setNaming(current ?? '')}
      >
        {m.templateSaveAs}
      </button>
    </div>
  );
}
