import { Fragment } from 'react';
import type { Photo } from '../../electron/contract/api';
import { fieldLabel } from '../fields/field-defs';
import { useI18n } from '../i18n/context';
import { captionSourceName } from './describe';
import styles from './info.module.css';

/**
 * Where each field was read from, and the fields whose embedded blocks disagree: the
 * reader of another tool may pick the other value, so the reporter should know.
 */
export function MetadataOrigins({
  sources,
  conflicts,
}: {
  sources: Photo['metadataSources'];
  conflicts: Photo['conflicts'];
}) {
  const { m } = useI18n();
  const entries = Object.entries(sources);
  return (
    <>
      {conflicts.length ? (
        <div className={styles.infoConflicts} data-testid="info-conflicts">
          <strong>{m.conflictsTitle}</strong>
          <p className="muted small">{m.conflictsHint}</p>
          <dl className={styles.conflictList}>
            {conflicts.map((c) => (
              <div key={c.field} className={styles.conflict}>
                <dt>{fieldLabel(m, c.field)}</dt>
                {Object.entries(c.values).map(([block, value]) => (
                  <dd key={block}>
                    <span className={styles.blockName}>{blockName(m, block)}</span>{' '}
                    <q lang="vi">{value}</q>
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {entries.length ? (
        <details className={styles.infoSources} data-testid="info-sources">
          <summary>{m.sourcesTitle(entries.length)}</summary>
          <dl className="info-list">
            {entries.map(([field, source]) => (
              <Fragment key={field}>
                <dt>{fieldLabel(m, field)}</dt>
                <dd>{captionSourceName(m, source)}</dd>
              </Fragment>
            ))}
          </dl>
        </details>
      ) : null}
    </>
  );
}

function blockName(m: ReturnType<typeof useI18n>['m'], block: string): string {
  switch (block) {
    case 'xmp':
      return 'XMP';
    case 'iptc':
    case 'iim':
      return 'IPTC';
    case 'exif':
      return 'EXIF';
    case 'sidecar':
      return m.blockSidecar;
    default:
      return block.toUpperCase();
  }
}
