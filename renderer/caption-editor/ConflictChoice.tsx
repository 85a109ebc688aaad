import { useI18n } from '../i18n/context';
import { ButtonRow } from '../ui/ButtonRow';
import { cx } from '../ui/cx';
import styles from './caption-tools.module.css';

/** The caption changed elsewhere while this one was being typed: the user decides. */
export function ConflictChoice({
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: string | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { m } = useI18n();
  return (
    <div
      className={cx(styles.offer, styles.isConflict)}
      role="alert"
      data-testid="caption-conflict"
    >
      <p className={styles.offerText}>{m.conflictText}</p>
      <p className={cx(styles.offerText, 'muted')}>
        {m.conflictTheirs}{' '}
        <q className={styles.offerPreview} lang="vi" data-testid="conflict-theirs">
          {theirs === null ? m.conflictLoading : theirs || m.conflictEmpty}
        </q>
      </p>
      <ButtonRow
        className={styles.offerActions}
        small
        buttons={[
          {
            label: m.conflictKeepMine,
            onClick: onKeepMine,
            primary: true,
            testId: 'conflict-keep-mine',
            disabled: theirs === null,
          },
          {
            label: m.conflictTakeTheirs,
            onClick: onTakeTheirs,
            testId: 'conflict-take-theirs',
            disabled: theirs === null,
          },
        ]}
      />
    </div>
  );
}
