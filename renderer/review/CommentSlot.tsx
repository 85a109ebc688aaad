import { useState } from 'react';
import { useI18n } from '../i18n/context';
import { CommentList } from './ReviewComments';
import { cx } from '../ui/cx';
import noteStyles from './notes.module.css';

/** Existing comments on a target, the ones being added, and a field to add one. */
export function CommentSlot({
  target,
  existing,
  draft,
  onAdd,
  onRemove,
}: {
  target: string;
  existing: { id: string; target: string; by: string; at: string; text: string; version: number }[];
  draft: { target: string; text: string }[];
  onAdd: (text: string) => void;
  onRemove: (text: string) => void;
}) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const add = () => {
    if (!text.trim()) return;
    onAdd(text);
    setText('');
    setOpen(false);
  };
  return (
    <div className={noteStyles.rvCommentSlot} data-testid={`review-comments-${target}`}>
      {existing.length ? <CommentList comments={existing} /> : null}
      {draft.length ? (
        <ul className={noteStyles.rvComments}>
          {draft.map((c, i) => (
            <li key={i} className={cx(noteStyles.rvComment, noteStyles.isNew)}>
              <span className={noteStyles.rvCommentMeta}>{m.rvNewComment}</span>
              <span className={noteStyles.rvCommentText}>{c.text}</span>
              <button type="button" className={noteStyles.rvLink} onClick={() => onRemove(c.text)}>
                {m.rvRemoveComment}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className={noteStyles.rvCommentNew}>
          <textarea
            autoFocus
            rows={2}
            value={text}
            placeholder={m.rvCommentPlaceholder}
            aria-label={m.rvComment}
            data-testid={`review-comment-text-${target}`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                add();
              } else if (event.key === 'Escape') setOpen(false);
            }}
          />
          <button type="button" data-testid={`review-comment-add-${target}`} onClick={add}>
            {m.rvAddComment}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={noteStyles.rvLink}
          data-testid={`review-comment-open-${target}`}
          onClick={() => setOpen(true)}
        >
          + {m.rvComment}
        </button>
      )}
    </div>
  );
}
