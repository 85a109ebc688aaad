import { useI18n } from '../i18n/context';
import type { OpenedPackage } from './edits';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

type Photo = OpenedPackage['photos'][number];

/** What the exported file itself carries, and a warning when its caption differs. */
export function Embedded({ photo }: { photo: Photo }) {
  const { m } = useI18n();
  const e = photo.embedded;
  const rows: [string, string | null][] = [
    ['Caption', e.caption],
    ['Headline', e.headline],
    ['By-line', e.byline.join('; ') || null],
    ['Credit', e.credit],
    ['Source', e.source],
    ['Copyright', e.copyright],
    ['Location', [e.location, e.city, e.province, e.country].filter(Boolean).join(', ') || null],
    ['Date', e.dateCreated],
    ['Keywords', e.keywords.join(', ') || null],
    ['Size', e.width && e.height ? `${e.width}×${e.height}` : null],
    ['Error', e.error],
    ['Conflicts', e.conflicts.join('; ') || null],
  ];
  return (
    <div className={noteStyles.rvEmbedded}>
      {!photo.captionMatches ? (
        <p className={styles.rvWarn} role="note" data-testid={`review-mismatch-${photo.id}`}>
          ⚠ {m.rvCaptionMismatch}
        </p>
      ) : null}
      <details>
        <summary>{m.rvEmbedded}</summary>
        <dl>
          {rows
            .filter((r): r is [string, string] => !!r[1])
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </details>
    </div>
  );
}
