import { FIELDS } from '../../common/fields/catalog';
import { fieldLabel } from '../fields/field-defs';
import { useI18n } from '../i18n/context';
import type { OpenedPackage } from './edits';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

type Photo = OpenedPackage['photos'][number];
type Embedded = Photo['embedded'];

/** The exported fields in catalog order, each as one line of text, or null when empty. */
function fieldRows(e: Embedded, label: (key: string) => string): [string, string | null][] {
  return FIELDS.filter((f) => f.exported).map((f) => {
    const value = e[f.key];
    const text = Array.isArray(value) ? value.join(f.kind === 'list' ? '; ' : ', ') : value;
    return [label(f.key), text || null];
  });
}

/** What the exported file itself carries, and a warning when its caption differs. */
export function Embedded({ photo }: { photo: Photo }) {
  const { m } = useI18n();
  const e = photo.embedded;
  const rows: [string, string | null][] = [
    ...fieldRows(e, (key) => fieldLabel(m, key)),
    [m.dimensionsLabel, e.width && e.height ? `${e.width}×${e.height}` : null],
    [m.errorLabel, e.error],
    [m.conflictsTitle, e.conflicts.join('; ') || null],
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
