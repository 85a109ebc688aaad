import type { LegacyEncoding } from '../../common/text/legacy-vietnamese';
import { ButtonRow } from '../ui/ButtonRow';
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
      <ButtonRow
        className={styles.offerActions}
        small
        buttons={[
          { label: m.legacyRepair, onClick: onRepair, primary: true, testId: 'legacy-repair' },
          { label: m.legacyKeep, onClick: onKeep, testId: 'legacy-keep' },
        ]}
      />
    </div>
  );
}
