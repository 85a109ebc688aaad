import { ErrorLines } from '../errors/ErrorLines';
import { useI18n } from '../i18n/context';
import type { OpenedPackage } from './edits';
import { HistoryEntryHead } from './HistoryEntryHead';
import type { ReviewDecision } from './useReviewDecision';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

/** Beside the article: the decision, what verification noted, and the package's history. */
export function ReviewSidePanel({
  opened,
  decision,
  pending,
  onOpenPath,
}: {
  opened: OpenedPackage;
  decision: ReviewDecision;
  /** Changes and comments not saved yet. */
  pending: number;
  onOpenPath: (path: string) => void;
}) {
  const { m } = useI18n();
  const { reviewer, note, problem, saving, saved, decide } = decision;
  return (
    <aside className={styles.rvSide}>
      <section className={noteStyles.rvDecision} aria-label={m.rvModeOpen}>
        <label>
          {m.rvReviewer}
          <input
            type="text"
            value={reviewer}
            data-testid="review-reviewer"
            onChange={(event) => decision.setReviewer(event.target.value)}
          />
        </label>
        <label>
          {m.rvNote}
          <textarea
            value={note}
            rows={3}
            data-testid="review-note"
            onChange={(event) => decision.setNote(event.target.value)}
          />
        </label>
        <p className={styles.rvMuted} data-testid="review-pending">
          {saved ? m.rvSaved(saved.version, opened.version) : m.rvPending(pending)}
        </p>
        <div className={noteStyles.rvButtons}>
          <button
            type="button"
            className={noteStyles.rvApprove}
            disabled={saving || !!saved}
            data-testid="review-approve"
            onClick={() => void decide('approved')}
          >
            {m.rvApprove}
          </button>
          <button
            type="button"
            className={noteStyles.rvReturn}
            disabled={saving || !!saved}
            data-testid="review-return"
            onClick={() => void decide('returned')}
          >
            {m.rvReturn}
          </button>
          <button
            type="button"
            disabled={saving || !!saved || pending === 0}
            data-testid="review-save"
            onClick={() => void decide('edited')}
          >
            {m.rvSaveEdits}
          </button>
        </div>
        {saving ? <p className={styles.rvMuted}>{m.rvSaving}</p> : null}
        {problem ? (
          <p className={styles.rvError} role="alert" data-testid="review-problem">
            <ErrorLines text={problem} />
          </p>
        ) : null}
        {saved ? (
          <div className={noteStyles.rvSaved} role="status" data-testid="review-saved">
            <p className={noteStyles.rvSavedTitle}>{m.rvSaved(saved.version, opened.version)}</p>
            <p>
              {m.rvSavedPath} <code>{saved.path}</code>
            </p>
            <h4>{m.rvChanges}</h4>
            <ul>
              {saved.changes.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
            {saved.credentials?.resigned.length ? (
              <p data-testid="review-resigned">{m.rvResigned(saved.credentials.resigned.length)}</p>
            ) : null}
            {saved.credentials?.broken.length ? (
              <p className={styles.rvError} role="alert" data-testid="review-credentials-broken">
                {m.rvCredentialsBroken(saved.credentials.broken.length)}
              </p>
            ) : null}
            <button type="button" onClick={() => onOpenPath(saved.path)}>
              {m.rvOpenSaved}
            </button>
          </div>
        ) : null}
      </section>
      <section>
        <h4>{m.rvNotes}</h4>
        <p className={styles.rvOk}>{m.rvChecksOk(opened.checks.filter((c) => c.ok).length)}</p>
        <ul className={noteStyles.rvNotes} data-testid="review-notes">
          {opened.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </section>
      <section>
        <h4>{m.rvHistory}</h4>
        <ol className={noteStyles.rvHistory} data-testid="review-history">
          {opened.manifest.history.map((h) => (
            <li key={h.version}>
              <HistoryEntryHead entry={h} />
              {h.changes.length ? (
                <ul>
                  {h.changes.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
