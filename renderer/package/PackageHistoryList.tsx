import { useI18n } from '../i18n/context';
import { formatFileSize, formatInstant } from '../i18n/format';
import type { PackageRecord } from './history';

/** "Gói đã tạo": the packages built from this article, newest first. */
export function PackageHistoryList({ records }: { records: PackageRecord[] }) {
  const { m, lang } = useI18n();
  return (
    <div className="pkg-history">
      <h3 className="section-title">{m.pkgHistory}</h3>
      {records.length === 0 ? (
        <p className="muted small">{m.pkgHistoryEmpty}</p>
      ) : (
        <ul className="pkg-history-list" data-testid="pkg-history">
          {records.map((r) => (
            <li key={r.path}>
              <span className="path" title={r.path}>
                {r.path.split(/[\\/]/).pop()}
              </span>
              <span className="muted small">
                {formatFileSize(lang, r.bytes)} · {m.pkgPhotoCount} {r.photos} ·{' '}
                {formatInstant(lang, r.at)}
              </span>
              {r.valid === true ? <span className="a-ok small">✓ {m.pkgValid}</span> : null}
              {r.valid === false ? <span className="a-error small">{m.pkgInvalid}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
