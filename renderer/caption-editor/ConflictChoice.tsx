import { useI18n } from '../i18n/context';
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
      <div className={styles.offerActions}>
        <button
          type="button"
          className="button small primary"
          data-testid="conflict-keep-mine"
          disabled={theirs === null}
          onClick={onKeepMine}
        >
          {m.conflictKeepMine}
        </button>
        <button
          type="button"
          className="button small"
          data-testid="conflict-take-theirs"
          disabled={theirs === null}
          onClick={onTakeTheirs}
        >
          {m.conflictTakeTheirs}
        </button>
      </div>
    </div>
  );
}
