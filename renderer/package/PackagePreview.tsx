import type { ArticleIssue } from '../../electron/contract/api';
import { ChecksList } from '../article/ChecksList';
import { useI18n } from '../i18n/context';
import { cx } from '../ui/cx';
import styles from './package.module.css';

/** Beside the form: the names the photos will get, and the article's checks. */
export function PackagePreview({
  order,
  names,
  zipName,
  issues,
  checksError,
  onGo,
}: {
  order: string[];
  names: string[];
  zipName: string;
  issues: ArticleIssue[] | null;
  checksError: string | null;
  /** Leave the dialog for the place a check points at; absent while building. */
  onGo: ((issue: ArticleIssue) => void) | undefined;
}) {
  const { m } = useI18n();
  return (
    <div className={styles.pkgSide}>
      <section>
        <h3 className="section-title">{m.pkgNames}</h3>
        <p className={styles.pkgZip}>
          <span className="muted">{m.pkgZipName}: </span>
          <span className={styles.mono} data-testid="pkg-zip-name">
            {zipName}
          </span>
        </p>
        {order.length === 0 ? <p className="muted small">{m.pkgNamesEmpty}</p> : null}
        <ol className={styles.pkgNames} data-testid="pkg-names">
          {order.map((file, i) => (
            <li key={file}>
              <span className={styles.pkgSource}>{file}</span>
              <span aria-hidden="true"> → </span>
              <span className={cx(styles.mono, styles.pkgName)} data-testid="pkg-name">
                {names[i]}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3 className="section-title">{m.pkgChecks}</h3>
        <ChecksList issues={issues} error={checksError} testId="pkg-checks" onGo={onGo} />
      </section>
    </div>
  );
}
