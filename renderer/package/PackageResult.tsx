import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { useI18n } from '../i18n/context';
import { formatFileSize } from '../i18n/format';
import type { BuildPhase, BuildProgress, BuildResult, VerifyState } from './usePackageBuild';
import { cx } from '../ui/cx';
import styles from './package.module.css';

/** The build's progress bar, shown while building and after. */
export function PackageProgress({
  phase,
  progress,
}: {
  phase: BuildPhase;
  progress: BuildProgress | null;
}) {
  const { m } = useI18n();
  if (phase !== 'building' && phase !== 'done' && phase !== 'cancelled') return null;
  const pct = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className={styles.pkgProgress} data-testid="pkg-progress">
      <progress
        max={1}
        value={phase === 'done' ? 1 : pct}
        aria-label={m.pkgProgressLabel}
        data-testid="pkg-progress-bar"
        data-done={progress?.done ?? 0}
        data-total={progress?.total ?? 0}
      />
      <span className={styles.pkgProgressText}>
        {progress ? m.pkgProgress(progress.done, progress.total) : m.pkgPreparing}
      </span>
      <span className={cx(styles.pkgProgressLabel, styles.mono)}>
        {progress?.label ? progress.label.split(/[\\/]/).pop() : ''}
      </span>
    </div>
  );
}

/** The package built: where, how big, what was cut, and the verdict. */
export function PackageResult({ result, verify }: { result: BuildResult; verify: VerifyState }) {
  const { m, lang } = useI18n();
  return (
    <section className={styles.pkgResult} data-testid="pkg-result">
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
      {result.credentials ? (
        <p className={styles.pkgHint} data-testid="pkg-result-credentials">
          {result.credentials.signed ? m.pkgSigned(result.credentials.signer ?? '') : m.pkgUnsigned}
        </p>
      ) : null}
      <VerifyLine verify={verify} />
    </section>
  );
}

function VerifyLine({ verify }: { verify: VerifyState }) {
  const { m } = useI18n();
  if (!verify) return null;
  if (verify === 'running') return <p className="muted">{m.pkgVerifying}</p>;
  if ('error' in verify)
    return (
      <p className={styles.error}>
        <ErrorLines text={m.pkgVerifyFailed(verify.error)} />
      </p>
    );
  if (verify.ok)
    return (
      <>
        <p className={styles.pkgValid} data-testid="pkg-verify">
          ✓ {m.pkgValid}
        </p>
        {verify.notes?.length ? (
          <div className="muted" data-testid="pkg-verify-notes">
            {m.pkgVerifyNotes}
            <ul lang="en">
              {verify.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </>
    );
  return (
    <div className={styles.pkgInvalid} data-testid="pkg-verify">
      <p className={styles.error}>{m.pkgInvalid}</p>
      <ul>
        {verify.problems.map((p, i) => (
          <li key={i}>
            {p.code ? (
              // The coded sentence names the member itself.
              <ErrorLines text={describeError(p, m)} />
            ) : (
              <>
                {p.file ? <span className={styles.mono}>{p.file}: </span> : null}
                <span lang="en">{p.message}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
