import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Template } from '../../electron/contract/api';
import { unknownIngestVariables } from '../../common/naming/ingest-name';
import { useTransport } from '../api/context';
import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import {
  importHotCodes,
  ingestArgsOf,
  newIngestJob,
  previewNames,
  type IngestForm,
} from './ingest-form';
import { ingestStore } from './ingest-store';
import styles from './ingest.module.css';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { failureOf, type Failure } from '../api/errors';
import { CrossButton } from '../ui/CrossButton';

/** Sources, destination, backup, renaming, template and hot codes; Start hands over to the panel. */
export function IngestDialog({
  folder,
  busy,
  onClose,
  onStarted,
}: {
  folder: string | null;
  busy: boolean;
  onClose: () => void;
  onStarted: (to: string) => void;
}) {
  const { api, onEvent, pickFolder } = useTransport();
  const { m } = useI18n();
  const { form } = useSyncExternalStore(ingestStore.subscribe, ingestStore.get);
  const edit = (patch: Partial<IngestForm>) => ingestStore.setForm({ ...form, ...patch });
  const [saved, setSaved] = useState<string[]>([]);
  const [template, setTemplate] = useState<Template | null>(null);
  // A sentence of ours, or a failure of the core said in the UI's language when shown.
  const [problem, setProblem] = useState<string | Failure | null>(null);
  const [tsv, setTsv] = useState('');

  useEffect(() => {
    void api.listTemplates({}).then(setSaved, () => setSaved([]));
  }, [api]);

  // The chosen template, loaded for the preview and for Start.
  useEffect(() => {
    let live = true;
    const choice = form.templateChoice;
    const load =
      choice === ''
        ? Promise.resolve(null)
        : choice === 'current'
          ? folder
            ? api.getEvent({ folder }).then((e) => e.template)
            : Promise.resolve(null)
          : api.loadTemplate({ name: choice });
    load.then(
      (t) => live && setTemplate(t),
      (err: unknown) => live && setProblem(failureOf(err)),
    );
    return () => {
      live = false;
    };
  }, [api, folder, form.templateChoice]);

  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const unknown = unknownIngestVariables(form.rename);
  const preview = previewNames(form.rename, template, today);

  const pick = (apply: (path: string) => void) =>
    pickFolder ? () => void pickFolder().then((p) => p && apply(p)) : undefined;

  const start = () => {
    const job = newIngestJob();
    const args = ingestArgsOf(form, template, job);
    if ('problem' in args) {
      setProblem(
        args.problem === 'needSource'
          ? m.ingestNeedSource
          : args.problem === 'needTo'
            ? m.ingestNeedTo
            : m.ingestUnknownVariables(unknown.map((n) => `{${n}}`).join(', ')),
      );
      return;
    }
    ingestStore.start(api, onEvent, { ...args, job }, () => onStarted(args.to));
    onClose();
  };

  return (
    <Modal
      title={m.ingestTitle}
      onClose={onClose}
      testId="ingest-dialog"
      className={styles.ingestDialog}
    >
      <form
        className={styles.ingestForm}
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <fieldset>
          <legend>{m.ingestSources}</legend>
          {form.sources.map((s, i) => (
            <div className={styles.ingestRow} key={i}>
              <PathInput
                value={s}
                label={`${m.ingestSources} ${i + 1}`}
                placeholder={m.ingestSourcePlaceholder}
                testId={`ingest-source-${i}`}
                onChange={(v) => edit({ sources: form.sources.map((x, j) => (j === i ? v : x)) })}
                onPick={pick((v) =>
                  edit({ sources: form.sources.map((x, j) => (j === i ? v : x)) }),
                )}
                pickLabel={m.ingestPick}
              />
              {form.sources.length > 1 ? (
                <CrossButton
                  label={m.ingestRemoveSource}
                  onClick={() => edit({ sources: form.sources.filter((_, j) => j !== i) })}
                />
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => edit({ sources: [...form.sources, ''] })}
          >
            {m.ingestAddSource}
          </button>
        </fieldset>

        <label className={styles.ingestField}>
          <span>{m.ingestTo}</span>
          <PathInput
            value={form.to}
            label={m.ingestTo}
            placeholder={m.ingestToPlaceholder}
            testId="ingest-to"
            onChange={(to) => edit({ to })}
            onPick={pick((to) => edit({ to }))}
            pickLabel={m.ingestPick}
          />
        </label>
        <label className={styles.ingestField}>
          <span>{m.ingestBackup}</span>
          <PathInput
            value={form.backup}
            label={m.ingestBackup}
            placeholder={m.ingestBackupPlaceholder}
            testId="ingest-backup"
            onChange={(backup) => edit({ backup })}
            onPick={pick((backup) => edit({ backup }))}
            pickLabel={m.ingestPick}
          />
        </label>

        <label className={styles.ingestField}>
          <span>{m.ingestRename}</span>
          <input
            type="text"
            className="path-input"
            spellCheck={false}
            value={form.rename}
            placeholder="{date}_{camserial}_{seqn}"
            data-testid="ingest-rename"
            onChange={(e) => edit({ rename: e.currentTarget.value })}
          />
          <small className="muted">{m.ingestRenameHelp}</small>
        </label>
        <div className={styles.ingestPreview} aria-live="polite">
          <span>{m.ingestPreview}:</span>
          {unknown.length ? (
            <span className={styles.error}>
              {m.ingestUnknownVariables(unknown.map((n) => `{${n}}`).join(', '))}
            </span>
          ) : (
            <code data-testid="ingest-preview">{preview.join('  ')}</code>
          )}
          <small className="muted">{m.ingestPreviewNote}</small>
        </div>

        <label className={styles.ingestField}>
          <span>{m.ingestTemplate}</span>
          <select
            value={form.templateChoice}
            data-testid="ingest-template"
            onChange={(e) => edit({ templateChoice: e.currentTarget.value })}
          >
            <option value="">{m.ingestTemplateNone}</option>
            {folder ? <option value="current">{m.ingestTemplateCurrent}</option> : null}
            {saved.map((name) => (
              <option key={name} value={name}>
                {m.ingestTemplateSaved(name)}
              </option>
            ))}
          </select>
        </label>

        <HotCodes form={form} edit={edit} tsv={tsv} setTsv={setTsv} setProblem={setProblem} />

        {problem ? (
          <p className={styles.error} role="alert">
            <ErrorLines text={typeof problem === 'string' ? problem : describeError(problem, m)} />
          </p>
        ) : null}
        <footer className={styles.ingestActions}>
          <button type="button" className="button" onClick={onClose}>
            {m.ingestCancelDialog}
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            data-testid="ingest-start"
          >
            {m.ingestStart}
          </button>
        </footer>
      </form>
    </Modal>
  );
}

function PathInput(props: {
  value: string;
  label: string;
  placeholder: string;
  testId: string;
  onChange: (v: string) => void;
  onPick: (() => void) | undefined;
  pickLabel: string;
}) {
  return (
    <span className={styles.ingestPath}>
      <input
        type="text"
        className="path-input"
        spellCheck={false}
        aria-label={props.label}
        placeholder={props.placeholder}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
      {props.onPick ? (
        <button type="button" className="button small" onClick={props.onPick}>
          {props.pickLabel}
        </button>
      ) : null}
    </span>
  );
}

function HotCodes({
  form,
  edit,
  tsv,
  setTsv,
  setProblem,
}: {
  form: IngestForm;
  edit: (patch: Partial<IngestForm>) => void;
  tsv: string;
  setTsv: (s: string) => void;
  setProblem: (s: string | null) => void;
}) {
  const { m } = useI18n();
  const row = (i: number, patch: Partial<IngestForm['hotCodes'][number]>) =>
    edit({ hotCodes: form.hotCodes.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <fieldset>
      <legend>{m.ingestHotCodes}</legend>
      {form.hotCodes.length ? (
        <table className={styles.ingestHotCodes} data-testid="ingest-hot-codes">
          <thead>
            <tr>
              <th>{m.ingestSerial}</th>
              <th>{m.ingestByline}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {form.hotCodes.map((c, i) => (
              <tr key={i}>
                <td>
                  <input
                    type="text"
                    aria-label={m.ingestSerial}
                    value={c.serial}
                    onChange={(e) => row(i, { serial: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={m.ingestByline}
                    value={c.byline}
                    onChange={(e) => row(i, { byline: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <CrossButton
                    label={m.ingestRemoveHotCode}
                    onClick={() => edit({ hotCodes: form.hotCodes.filter((_, j) => j !== i) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button
        type="button"
        className="button small"
        onClick={() => edit({ hotCodes: [...form.hotCodes, { serial: '', byline: '' }] })}
      >
        {m.ingestAddHotCode}
      </button>
      <label className={styles.ingestField}>
        <span>{m.ingestImportHotCodes}</span>
        <textarea
          rows={3}
          spellCheck={false}
          value={tsv}
          data-testid="ingest-hot-tsv"
          onChange={(e) => setTsv(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        className="button small"
        disabled={!tsv.trim()}
        onClick={() => {
          const r = importHotCodes(form.hotCodes, tsv);
          edit({ hotCodes: r.hotCodes });
          const first = r.problems[0];
          setProblem(first ? m.ingestImportProblem(first.line, first.text) : null);
          if (!first) setTsv('');
        }}
      >
        {m.ingestImport}
      </button>
    </fieldset>
  );
}
