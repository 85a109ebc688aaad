import { useI18n } from '../i18n/context';
import { groupByTarget } from './diff-model';
import { shortTime } from './time';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

export interface ReviewComment {
  id: string;
  target: string;
  by: string;
  at: string;
  text: string;
  version: number;
}

/**
 * An editor's comments, read-only, grouped by what they point at. Everything is text:
 * a comment is data from a package, never markup.
 */
export function ReviewComments({
  comments,
  order = [],
  labelOf,
}: {
  comments: readonly ReviewComment[];
  /** Block and photo ids in reading order, so the groups follow the article. */
  order?: readonly string[];
  /** How a target is named (its paragraph's first words, its photo's file). */
  labelOf?: (target: string) => string;
}) {
  const { m } = useI18n();
  if (!comments.length) return <p className={styles.rvMuted}>{m.rvNoComments}</p>;
  const name = (t: string) =>
    t === 'article' ? m.rvTargetArticle : (labelOf?.(t) ?? m.rvTarget(t));
  return (
    <div data-testid="review-comments">
      {groupByTarget(comments, order).map(([target, list]) => (
        <section key={target} className={noteStyles.rvCommentGroup}>
          <h4>{name(target)}</h4>
          <CommentList comments={list} />
        </section>
      ))}
    </div>
  );
}

export function CommentList({ comments }: { comments: readonly ReviewComment[] }) {
  return (
    <ul className={noteStyles.rvComments}>
      {comments.map((c) => (
        <li key={c.id} className={noteStyles.rvComment}>
          <span className={noteStyles.rvCommentMeta}>
            {c.by} · v{c.version} · {shortTime(c.at)}
          </span>
          <span className={noteStyles.rvCommentText}>{c.text}</span>
        </li>
      ))}
    </ul>
  );
}
