import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { useEffect, useId, useRef, useState } from 'react';
import type { Article, ArticleIssue } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import type { PackageNote } from './package-form';
import { PackageFormFields } from './PackageFormFields';
import { PackageHistoryList } from './PackageHistoryList';
import { PackagePreview } from './PackagePreview';
import { PackageProgress, PackageResult } from './PackageResult';
import { usePackageBuild } from './usePackageBuild';
import { usePackageChecks } from './usePackageChecks';
import { usePackageHistory } from './usePackageHistory';
import { usePackageNames } from './usePackageNames';
import { usePackagePresets } from './usePackagePresets';
import { NewsMlBaseUrlField } from './NewsMlBaseUrlField';
import { useNewsMlBaseUrl } from './useNewsMlBaseUrl';
import { SigningField } from './SigningField';
import { useSigning } from './useSigning';
import { cx } from '../ui/cx';
import styles from './package.module.css';

interface PackageDialogProps {
  folder: string;
  article: Article;
  /** Writes what is still being typed (article and captions): the core packages what is saved. */
  prepare: () => Promise<void>;
  onGoToIssue: (issue: ArticleIssue) => void;
  onClose: () => void;
}

/**
 * Package the article: preset, names as they will be, the checks again, then the build
 * with its progress and a verified result. Modal; Esc closes it unless a build runs.
 */
export function PackageDialog({
  folder,
  article,
  prepare,
  onGoToIssue,
  onClose,
}: PackageDialogProps) {
  const { m } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState<PackageNote | null>(null);
  // Listed afresh on every opening, so packages the CLI built meanwhile are there too.
  const history = usePackageHistory(folder, article.id);
  const presets = usePackagePresets(article.authorInitials, setNote);
  const { issues, checksError } = usePackageChecks(folder, article.id, prepare);
  const { order, names, zipName } = usePackageNames(article, presets.form);
  const newsmlBaseUrl = useNewsMlBaseUrl(folder);
  const signing = useSigning();
  const focusOn = (testId: string) =>
    ref.current?.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
  const run = usePackageBuild({
    folder,
    article,
    presets,
    issues,
    prepare,
    setNote,
    focusOutlet: () => focusOn('pkg-outlet'),
    newsmlBaseUrl,
    focusNewsmlBaseUrl: () => focusOn('pkg-newsml-base-url'),
    sign: signing.sent,
  });
  const { phase, result } = run;
  const building = phase === 'building';

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      previous?.focus({ preventScroll: true });
    };
  }, []);

  // Keyboard first: the outlet when it is missing, else the build button (Enter packages).
  const focusedOnce = useRef(false);
  const form = presets.form;
  useEffect(() => {
    if (!form || focusedOnce.current) return;
    focusedOnce.current = true;
    ref.current
      ?.querySelector<HTMLElement>(
        `[data-testid="${form.outlet.trim() ? 'pkg-build' : 'pkg-outlet'}"]`,
      )
      ?.focus();
  }, [form]);

  return (
    <dialog
      ref={ref}
      className={styles.pkgDialog}
      aria-labelledby={`${id}-title`}
      data-testid="package-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!building) onClose();
      }}
    >
      <div className={styles.pkgHead}>
        <h2 id={`${id}-title`} className={styles.pkgTitle}>
          {m.pkgTitle}
        </h2>
        <span className={styles.pkgHeadline}>{article.headline.trim() || m.artUntitled}</span>
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

      <div className={styles.pkgBody}>
        <PackageFormFields presets={presets} disabled={building}>
          <NewsMlBaseUrlField baseUrl={newsmlBaseUrl} />
          <SigningField signing={signing} />
        </PackageFormFields>
        <PackagePreview
          order={order}
          names={names}
          zipName={zipName}
          issues={issues}
          checksError={checksError && describeError(checksError, m)}
          onGo={
            building
              ? undefined
              : (issue) => {
                  onClose();
                  onGoToIssue(issue);
                }
          }
        />
      </div>

      {note ? (
        <p
          className={cx(styles.pkgNote, note.kind === 'error' ? styles.isError : styles.isInfo)}
          role={note.kind === 'error' ? 'alert' : 'status'}
        >
          <ErrorLines text={note.text} />
        </p>
      ) : null}

      <PackageProgress phase={phase} progress={run.progress} />

      {phase === 'cancelled' ? (
        <p className={cx(styles.pkgNote, styles.isInfo)}>{m.pkgCancelled}</p>
      ) : null}

      {result ? <PackageResult result={result} verify={run.verify} /> : null}

      <PackageHistoryList history={history} />

      <div className={styles.dialogActions}>
        {phase === 'confirm' ? (
          <>
            <span className={styles.pkgConfirm} role="alert" data-testid="pkg-confirm">
              {m.pkgWarnConfirm(issues?.length ?? 0)}
            </span>
            <button type="button" className="button" onClick={() => run.setPhase('edit')}>
              {m.pkgBack}
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="pkg-build-anyway"
              autoFocus
              onClick={() => void run.build(true)}
            >
              {m.pkgBuildAnyway}
            </button>
          </>
        ) : building ? (
          <button type="button" className="button" data-testid="pkg-cancel" onClick={run.cancel}>
            {m.pkgCancel}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="pkg-build"
            disabled={!form}
            onClick={() => void run.build(false)}
          >
            {m.pkgBuild}
          </button>
        )}
      </div>
    </dialog>
  );
}
