import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Article, ArticleIssue, Preset, ResultOf } from '../../electron/contract/api';
import { houseNames, packageFileName } from '../../common/naming/house-name';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { photosInArticleOrder } from '../article/blocks';
import { ChecksList } from '../article/ChecksList';
import { isString, readStored, writeStored } from '../ui/storage';
import { useI18n } from '../i18n/context';
import { formatFileSize } from '../i18n/format';
import type { PackageRecord } from './history';
import { PackageHistoryList } from './PackageHistoryList';
import './package.css';

type BuildResult = ResultOf<'buildPackage'>;
type VerifyResult = ResultOf<'verifyPackage'>;

interface PackageDialogProps {
  folder: string;
  article: Article;
  history: PackageRecord[];
  /** Writes what is still being typed (article and captions): the core packages what is saved. */
  prepare: () => Promise<void>;
  onRecord: (record: PackageRecord) => void;
  onGoToIssue: (issue: ArticleIssue) => void;
  onClose: () => void;
}

/** The preset being edited; numbers stay text until checked, so a field can be cleared. */
interface Form {
  name: string;
  outlet: string;
  initials: string;
  longEdge: string;
  quality: string;
  stripGps: boolean;
  naming: string;
  maxNameLength: string;
}

type Phase = 'edit' | 'confirm' | 'building' | 'done' | 'failed' | 'cancelled';

/** Outlet and preset of the last package: a reporter works for one paper. */
const OUTLET_KEY = 'captiondesk.outlet';
const PRESET_KEY = 'captiondesk.preset';

function formOf(preset: Preset, outlet: string, initials: string): Form {
  return {
    name: preset.name,
    outlet: outlet || preset.outlet,
    initials: initials || preset.initials,
    longEdge: String(preset.longEdge),
    quality: String(preset.quality),
    stripGps: preset.stripGps,
    naming: preset.naming,
    maxNameLength: String(preset.maxNameLength),
  };
}

const intIn = (s: string, min: number, max: number): number | null => {
  const n = Number(s);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The form as a preset, or null when a number is out of range. */
function presetOf(form: Form): Preset | null {
  const longEdge = intIn(form.longEdge, 200, 12000);
  const quality = intIn(form.quality, 40, 100);
  const maxNameLength = intIn(form.maxNameLength, 16, 200);
  if (longEdge === null || quality === null || maxNameLength === null) return null;
  if (!form.name.trim() || !form.naming.trim()) return null;
  return {
    name: form.name.trim(),
    longEdge,
    quality,
    stripGps: form.stripGps,
    naming: form.naming.trim(),
    outlet: form.outlet.trim(),
    initials: form.initials.trim(),
    maxNameLength,
  };
}

/** Whether building needs the preset saved first: what buildPackage cannot take directly. */
function differs(a: Preset, saved: Preset | undefined): boolean {
  if (!saved) return true;
  return (
    a.longEdge !== saved.longEdge ||
    a.quality !== saved.quality ||
    a.stripGps !== saved.stripGps ||
    a.naming !== saved.naming ||
    a.maxNameLength !== saved.maxNameLength
  );
}

/**
 * Package the article: preset, names as they will be, the checks again, then the build
 * with its progress and a verified result. Modal; Esc closes it unless a build runs.
 */
export function PackageDialog({
  folder,
  article,
  history,
  prepare,
  onRecord,
  onGoToIssue,
  onClose,
}: PackageDialogProps) {
  const { api, onEvent } = useTransport();
  const { m, lang } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelled = useRef(false);
  const job = `package:${article.id}`;

  const [presets, setPresets] = useState<Preset[] | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [note, setNote] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [issues, setIssues] = useState<ArticleIssue[] | null>(null);
  const [checksError, setChecksError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('edit');
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(
    null,
  );
  const [result, setResult] = useState<BuildResult | null>(null);
  const [verify, setVerify] = useState<VerifyResult | 'running' | { error: string } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      previous?.focus({ preventScroll: true });
    };
  }, []);

  // Presets, and the checks of the article as saved once what is being typed is written.
  const load = useEffectEvent(() => {
    let live = true;
    const outlet = readStored(OUTLET_KEY, '', isString);
    api.getPresets({}).then(
      (list) => {
        if (!live) return;
        setPresets(list);
        const last = readStored(PRESET_KEY, '', isString);
        const first = list.find((p) => p.name === last) ?? list[0];
        if (first) setForm(formOf(first, outlet, article.authorInitials));
      },
      (err: unknown) =>
        live && setNote({ kind: 'error', text: m.pkgPresetsFailed(describeError(err, m)) }),
    );
    prepare()
      .then(() => api.articleChecks({ folder, id: article.id }))
      .then(
        (list) => live && setIssues(list),
        (err: unknown) => live && setChecksError(describeError(err, m)),
      );
    return () => {
      live = false;
    };
  });
  // Once per opening: the dialog is mounted for one packaging session.
  useEffect(() => load(), []);

  // Keyboard first: the outlet when it is missing, else the build button (Enter packages).
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!form || focusedOnce.current) return;
    focusedOnce.current = true;
    const target = form.outlet.trim() ? 'pkg-build' : 'pkg-outlet';
    ref.current?.querySelector<HTMLElement>(`[data-testid="${target}"]`)?.focus();
  }, [form]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'progress' || event.job !== job) return;
        setProgress({ done: event.done, total: event.total, label: event.label });
      }),
    [onEvent, job],
  );

  const preset = form ? presetOf(form) : null;
  const saved = presets?.find((p) => p.name === form?.name.trim());
  const mustSave = preset !== null && differs(preset, saved);

  const order = useMemo(() => photosInArticleOrder(article.body), [article.body]);
  const names = useMemo(() => {
    if (!form) return [];
    const maxLength = intIn(form.maxNameLength, 16, 200) ?? 80;
    return houseNames(
      form.naming || '{fbas}',
      order.map((file, i) => ({
        outlet: form.outlet.trim(),
        initials: form.initials.trim(),
        file,
        seqn: i + 1,
        date: article.dateline.date || null,
      })),
      maxLength,
    );
  }, [form, order, article.dateline.date]);
  const zipName = form
    ? packageFileName(form.outlet.trim(), article.dateline.date, article.headline)
    : '';

  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const choosePreset = (name: string) => {
    const p = presets?.find((x) => x.name === name);
    if (p && form) setForm(formOf(p, form.outlet, form.initials));
    setNote(null);
  };

  const savePreset = async () => {
    if (!preset) {
      setNote({ kind: 'error', text: m.pkgBadNumber });
      return;
    }
    try {
      setPresets(await api.savePreset({ preset }));
      setNote({ kind: 'info', text: m.pkgPresetSaved(preset.name) });
    } catch (err) {
      setNote({ kind: 'error', text: m.pkgPresetFailed(describeError(err, m)) });
    }
  };

  const build = async (anyway: boolean) => {
    if (!form) return;
    if (!form.outlet.trim()) {
      setNote({ kind: 'error', text: m.pkgNeedOutlet });
      ref.current?.querySelector<HTMLInputElement>('[data-testid="pkg-outlet"]')?.focus();
      return;
    }
    if (!preset) {
      setNote({ kind: 'error', text: m.pkgBadNumber });
      return;
    }
    if (!anyway && issues && issues.length > 0) {
      setPhase('confirm');
      return;
    }
    setNote(null);
    setPhase('building');
    setProgress(null);
    setResult(null);
    setVerify(null);
    cancelled.current = false;
    try {
      await prepare();
      if (mustSave) setPresets(await api.savePreset({ preset }));
      const built = await api.buildPackage({
        folder,
        articleId: article.id,
        preset: preset.name,
        outlet: preset.outlet,
        initials: preset.initials,
      });
      writeStored(OUTLET_KEY, preset.outlet);
      writeStored(PRESET_KEY, preset.name);
      setResult(built);
      setPhase('done');
      const record: PackageRecord = {
        path: built.path,
        bytes: built.bytes,
        photos: built.photos.length,
        at: new Date().toISOString(),
        valid: null,
      };
      onRecord(record);
      setVerify('running');
      try {
        const verdict = await api.verifyPackage({ path: built.path });
        setVerify(verdict);
        onRecord({ ...record, valid: verdict.ok });
      } catch (err) {
        setVerify({ error: describeError(err, m) });
      }
    } catch (err) {
      if (cancelled.current) setPhase('cancelled');
      else {
        setPhase('failed');
        setNote({ kind: 'error', text: m.pkgFailed(describeError(err, m)) });
      }
    }
  };

  const cancel = () => {
    cancelled.current = true;
    void api.cancelJob({ job });
  };

  const building = phase === 'building';
  const pct = progress && progress.total > 0 ? progress.done / progress.total : 0;

  return (
    <dialog
      ref={ref}
      className="pkg-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="package-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!building) onClose();
      }}
    >
      <div className="pkg-head">
        <h2 id={`${id}-title`} className="pkg-title">
          {m.pkgTitle}
        </h2>
        <span className="pkg-headline">{article.headline.trim() || m.artUntitled}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button small"
          disabled={building}
          data-testid="pkg-close"
          onClick={onClose}
        >
          {m.pkgClose}
        </button>
      </div>

      <div className="pkg-body">
        <fieldset className="pkg-form" disabled={building || !form}>
          <Field label={m.pkgPreset}>
            <select
              className="select pkg-input"
              data-testid="pkg-preset"
              value={saved?.name ?? ''}
              onChange={(event) => choosePreset(event.currentTarget.value)}
            >
              {saved ? null : <option value="">{form?.name ?? ''}</option>}
              {presets?.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={m.pkgPresetName}>
            <input
              className="pkg-input"
              data-testid="pkg-preset-name"
              value={form?.name ?? ''}
              onChange={(event) => set({ name: event.currentTarget.value })}
            />
          </Field>
          <div className="pkg-pair">
            <Field label={m.pkgOutlet}>
              <input
                className="pkg-input"
                data-testid="pkg-outlet"
                value={form?.outlet ?? ''}
                placeholder={m.pkgOutletPlaceholder}
                spellCheck={false}
                onChange={(event) => set({ outlet: event.currentTarget.value })}
              />
            </Field>
            <Field label={m.pkgInitials}>
              <input
                className="pkg-input"
                data-testid="pkg-initials"
                value={form?.initials ?? ''}
                placeholder="tl"
                spellCheck={false}
                onChange={(event) => set({ initials: event.currentTarget.value })}
              />
            </Field>
          </div>
          <div className="pkg-pair">
            <Field label={m.pkgLongEdge}>
              <input
                className="pkg-input"
                type="number"
                min={200}
                max={12000}
                step={1}
                data-testid="pkg-long-edge"
                value={form?.longEdge ?? ''}
                onChange={(event) => set({ longEdge: event.currentTarget.value })}
              />
            </Field>
            <Field label={m.pkgQuality}>
              <input
                className="pkg-input"
                type="number"
                min={40}
                max={100}
                step={1}
                data-testid="pkg-quality"
                value={form?.quality ?? ''}
                onChange={(event) => set({ quality: event.currentTarget.value })}
              />
            </Field>
          </div>
          <Field label={m.pkgNaming} hint={m.pkgNamingHint}>
            <input
              className="pkg-input a-mono"
              data-testid="pkg-naming"
              value={form?.naming ?? ''}
              spellCheck={false}
              onChange={(event) => set({ naming: event.currentTarget.value })}
            />
          </Field>
          <div className="pkg-pair">
            <Field label={m.pkgMaxName}>
              <input
                className="pkg-input"
                type="number"
                min={16}
                max={200}
                step={1}
                value={form?.maxNameLength ?? ''}
                onChange={(event) => set({ maxNameLength: event.currentTarget.value })}
              />
            </Field>
            <label className="pkg-check">
              <input
                type="checkbox"
                checked={form?.stripGps ?? true}
                data-testid="pkg-strip-gps"
                onChange={(event) => set({ stripGps: event.currentTarget.checked })}
              />
              {m.pkgStripGps}
            </label>
          </div>
          <div className="pkg-row">
            <button
              type="button"
              className="button small"
              data-testid="pkg-save-preset"
              onClick={() => void savePreset()}
            >
              {m.pkgSavePreset}
            </button>
            {mustSave && preset ? (
              <span className="muted small">{m.pkgPresetModified(preset.name)}</span>
            ) : null}
          </div>
        </fieldset>

        <div className="pkg-side">
          <section>
            <h3 className="section-title">{m.pkgNames}</h3>
            <p className="pkg-zip">
              <span className="muted">{m.pkgZipName}: </span>
              <span className="a-mono" data-testid="pkg-zip-name">
                {zipName}
              </span>
            </p>
            {order.length === 0 ? <p className="muted small">{m.pkgNamesEmpty}</p> : null}
            <ol className="pkg-names" data-testid="pkg-names">
              {order.map((file, i) => (
                <li key={file}>
                  <span className="pkg-source">{file}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="a-mono pkg-name">{names[i]}</span>
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h3 className="section-title">{m.pkgChecks}</h3>
            <ChecksList
              issues={issues}
              error={checksError}
              testId="pkg-checks"
              onGo={
                building
                  ? undefined
                  : (issue) => {
                      onClose();
                      onGoToIssue(issue);
                    }
              }
            />
          </section>
        </div>
      </div>

      {note ? (
        <p className={`pkg-note is-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          <ErrorLines text={note.text} />
        </p>
      ) : null}

      {building || phase === 'done' || phase === 'cancelled' ? (
        <div className="pkg-progress" data-testid="pkg-progress">
          <progress
            max={1}
            value={phase === 'done' ? 1 : pct}
            aria-label={m.pkgProgressLabel}
            data-testid="pkg-progress-bar"
            data-done={progress?.done ?? 0}
            data-total={progress?.total ?? 0}
          />
          <span className="pkg-progress-text">
            {progress ? m.pkgProgress(progress.done, progress.total) : m.pkgPreparing}
          </span>
          <span className="pkg-progress-label a-mono">
            {progress?.label ? progress.label.split(/[\\/]/).pop() : ''}
          </span>
        </div>
      ) : null}

      {phase === 'cancelled' ? <p className="pkg-note is-info">{m.pkgCancelled}</p> : null}

      {result ? (
        <section className="pkg-result" data-testid="pkg-result">
          <h3 className="section-title">{m.pkgDone}</h3>
          <dl className="info-list">
            <dt>{m.pkgPath}</dt>
            <dd className="path" data-testid="pkg-result-path">
              {result.path}
            </dd>
            <dt>{m.pkgSize}</dt>
            <dd>{formatFileSize(lang, result.bytes)}</dd>
            <dt>{m.pkgPhotoCount}</dt>
            <dd data-testid="pkg-result-photos">{result.photos.length}</dd>
          </dl>
          {result.truncated.length ? (
            <div className="info-warnings">
              {m.pkgTruncatedTitle}
              <ul>
                {result.truncated.map((t) => (
                  <li key={`${t.file}\u0000${t.field}`}>
                    {m.pkgTruncated(t.file, t.field, t.limitBytes)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <VerifyLine verify={verify} />
        </section>
      ) : null}

      <PackageHistoryList records={history} />

      <div className="dialog-actions">
        {phase === 'confirm' ? (
          <>
            <span className="pkg-confirm" role="alert" data-testid="pkg-confirm">
              {m.pkgWarnConfirm(issues?.length ?? 0)}
            </span>
            <button type="button" className="button" onClick={() => setPhase('edit')}>
              {m.pkgBack}
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="pkg-build-anyway"
              autoFocus
              onClick={() => void build(true)}
            >
              {m.pkgBuildAnyway}
            </button>
          </>
        ) : building ? (
          <button type="button" className="button" data-testid="pkg-cancel" onClick={cancel}>
            {m.pkgCancel}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="pkg-build"
            disabled={!form}
            onClick={() => void build(false)}
          >
            {m.pkgBuild}
          </button>
        )}
      </div>
    </dialog>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="pkg-field">
      <span className="pkg-label">{label}</span>
      {children}
      {hint ? <span className="pkg-hint">{hint}</span> : null}
    </label>
  );
}

function VerifyLine({ verify }: { verify: VerifyResult | 'running' | { error: string } | null }) {
  const { m } = useI18n();
  if (!verify) return null;
  if (verify === 'running') return <p className="muted">{m.pkgVerifying}</p>;
  if ('error' in verify)
    return (
      <p className="a-error">
        <ErrorLines text={m.pkgVerifyFailed(verify.error)} />
      </p>
    );
  if (verify.ok)
    return (
      <p className="pkg-valid" data-testid="pkg-verify">
        ✓ {m.pkgValid}
      </p>
    );
  return (
    <div className="pkg-invalid" data-testid="pkg-verify">
      <p className="a-error">{m.pkgInvalid}</p>
      <ul>
        {verify.problems.map((p, i) => (
          <li key={i}>
            {p.code ? (
              // The coded sentence names the member itself.
              <ErrorLines text={describeError(p, m)} />
            ) : (
              <>
                {p.file ? <span className="a-mono">{p.file}: </span> : null}
                <span lang="en">{p.message}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
