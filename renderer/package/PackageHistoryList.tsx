import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import type { PackageEntry } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { formatFileSize, formatInstant } from '../i18n/format';
import type { PackageHistory } from './usePackageHistory';
import { cx } from '../ui/cx';
import styles from './package.module.css';

/** "Gói đã tạo": the packages built from this article, newest first, as they are on disk. */
export function PackageHistoryList({ history }: { history: PackageHistory }) {
  const { m } = useI18n();
  const { entries, error } = history;
  return (
    <div className={styles.pkgHistory}>
      <h3 className="section-title">{m.pkgHistory}</h3>
      {error ? (
        <p className={cx(styles.error, 'small')} role="alert">
          <ErrorLines text={m.pkgHistoryFailed(describeError(error, m))} />
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="muted small">{m.pkgHistoryEmpty}</p>
      ) : (
        <ul className={styles.pkgHistoryList} data-testid="pkg-history">
          {entries.map((r) => (
            <PackageHistoryItem key={r.path} entry={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PackageHistoryItem({ entry: r }: { entry: PackageEntry }) {
  const { m, lang } = useI18n();
  return (
    <li data-status={r.status}>
      <span className="path" title={r.path}>
        {r.path.split(/[\\/]/).pop()}
      </span>
      <span className="muted small">
        {formatFileSize(lang, r.bytes)} · {m.pkgPhotoCount} {r.photos} ·{' '}
        {r.version > 1 ? `${m.pkgVersion(r.version)} · ` : ''}
        {formatInstant(lang, r.builtAt)}
      </span>
      {r.status === 'missing' ? (
        <span className={cx(styles.error, 'small')}>{m.pkgMissing}</span>
      ) : null}
      {r.status === 'unreadable' ? (
        <span className={cx(styles.error, 'small')}>{m.pkgUnreadable}</span>
      ) : null}
      {r.valid === true ? <span className={cx(styles.ok, 'small')}>✓ {m.pkgValid}</span> : null}
      {r.valid === false ? <span className={cx(styles.error, 'small')}>{m.pkgInvalid}</span> : null}
    </li>
  );
}
