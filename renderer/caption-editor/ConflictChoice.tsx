import { useI18n } from '../i18n/context';

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
    <div className="offer is-conflict" role="alert" data-testid="caption-conflict">
      <p className="offer-text">{m.conflictText}</p>
      <p className="offer-text muted">
        {m.conflictTheirs}{' '}
        <q className="offer-preview" lang="vi" data-testid="conflict-theirs">
          {theirs === null ? m.conflictLoading : theirs || m.conflictEmpty}
        </q>
      </p>
      <div className="offer-actions">
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
