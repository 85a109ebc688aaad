import type { LegacyEncoding } from '../../common/text/legacy-vietnamese';
import { useI18n } from '../i18n/context';
import styles from './caption-tools.module.css';

const PREVIEW_CHARS = 160;

/** Pasted TCVN3 or VNI mojibake ("B¶o Th¾ng"): the repair, shown before it is made. */
export function LegacyPasteOffer({
  encoding,
  repaired,
  onRepair,
  onKeep,
}: {
  encoding: LegacyEncoding;
  repaired: string;
  onRepair: () => void;
  onKeep: () => void;
}) {
  const { m } = useI18n();
  const preview =
    [...repaired].length > PREVIEW_CHARS
      ? `${[...repaired].slice(0, PREVIEW_CHARS).join('')}…`
      : repaired;
  return (
    <div className={styles.offer} role="alert" data-testid="legacy-offer">
      <p className={styles.offerText}>
        {m.legacyDetected(encoding === 'tcvn3' ? 'TCVN3' : 'VNI')}{' '}
        <q className={styles.offerPreview} lang="vi" data-testid="legacy-preview">
          {preview}
        </q>
      </p>
      <div className={styles.offerActions}>
        <button
          type="button"
          className="button small primary"
          data-testid="legacy-repair"
          onClick={onRepair}
        >
          {m.legacyRepair}
        </button>
        <button type="button" className="button small" data-testid="legacy-keep" onClick={onKeep}>
          {m.legacyKeep}
        </button>
      </div>
    </div>
  );
}
