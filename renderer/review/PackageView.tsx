import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import {
  captionOf,
  collectEdits,
  countChanges,
  emptyDraft,
  layOut,
  movePhoto,
  paragraphOf,
  placePhoto,
  type Draft,
  type OpenedPackage,
} from './edits';
import { CommentList } from './ReviewComments';
import { shortTime } from './time';
import { ErrorLines } from '../errors/ErrorLines';

type Photo = OpenedPackage['photos'][number];
type Saved = Awaited<ReturnType<ReturnType<typeof useTransport>['api']['saveReview']>>;
type Decision = 'approved' | 'returned' | 'edited';

const REVIEWER_KEY = 'captiondesk.reviewer';

function storedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** One opened package: the article as laid out, editable, with comments and the decision. */
export function PackageView({
  opened,
  onOpenPath,
}: {
  opened: OpenedPackage;
  onOpenPath: (path: string) => void;
}) {
  const { m } = useI18n();
  const { api, mediaUrl } = useTransport();
  const manifest = opened.manifest;
  const article = manifest.article;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(manifest));
  const [reviewer, setReviewer] = useState(storedReviewer);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);

  const edits = collectEdits(manifest, draft);
  const pending = countChanges(edits, draft.comments);
  const photos = new Map(opened.photos.map((p) => [p.id, p]));
  const dropped = new Set(draft.dropped);
  const update = (change: (d: Draft) => Partial<Draft>) =>
    setDraft((d) => ({ ...d, ...change(d) }));

  const decide = async (decision: Decision) => {
    setProblem(null);
    if (saved) return;
    if (!reviewer.trim()) return setProblem(m.rvReviewerRequired);
    if (decision === 'returned' && !note.trim()) return setProblem(m.rvNoteRequired);
    setSaving(true);
    try {
      const result = await api.saveReview({
        path: opened.path,
        reviewer: reviewer.trim(),
        role: 'editor',
        decision,
        note: note.trim() ? note : null,
        edits,
        comments: draft.comments,
      });
      try {
        localStorage.setItem(REVIEWER_KEY, reviewer.trim());
      } catch {
        // A private window keeps no name; nothing else depends on it.
      }
      setSaved(result);
    } catch (err) {
      setProblem(m.rvSaveFailed(describeError(err, m)));
    } finally {
      setSaving(false);
    }
  };

  const comments = (target: string) => (
    <CommentSlot
      target={target}
      existing={manifest.comments.filter((c) => c.target === target)}
      draft={draft.comments.filter((c) => c.target === target)}
      onAdd={(text) => update((d) => ({ comments: [...d.comments, { target, text }] }))}
      onRemove={(text) =>
        update((d) => ({
          comments: d.comments.filter((c) => !(c.target === target && c.text === text)),
        }))
      }
    />
  );

  const photoKeys = (id: string) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      update((d) => ({ order: movePhoto(d.order, id, event.key === 'ArrowUp' ? -1 : 1) }));
      // Keep the keyboard on the moved photo once it re-renders in its new place.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-photo-id="${CSS.escape(id)}"]`)?.focus(),
      );
    } else if (event.key === 'Delete') {
      event.preventDefault();
      toggleDrop(id);
    }
  };
  const toggleDrop = (id: string) =>
    update((d) => ({
      dropped: d.dropped.includes(id) ? d.dropped.filter((x) => x !== id) : [...d.dropped, id],
    }));

  const figure = (photo: Photo, ownCaption: boolean) => (
    <figure
      key={photo.id}
      className={`rv-photo ${dropped.has(photo.id) ? 'is-dropped' : ''}`}
      tabIndex={0}
      draggable
      data-photo-id={photo.id}
      data-testid={`review-photo-${photo.id}`}
      aria-label={`${photo.id} ${photo.sourceFile}`}
      onKeyDown={photoKeys(photo.id)}
      onDragStart={(event) => event.dataTransfer.setData('text/x-review-photo', photo.id)}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const id = event.dataTransfer.getData('text/x-review-photo');
        if (id) update((d) => ({ order: placePhoto(d.order, id, photo.id) }));
      }}
    >
      <div className="rv-photo-bar">
        <span className="rv-photo-id">
          {photo.id} · {photo.sourceFile} · {photo.width}×{photo.height}
        </span>
        {dropped.has(photo.id) ? <span className="rv-badge">{m.rvDropped}</span> : null}
        <button
          type="button"
          onClick={() => update((d) => ({ order: movePhoto(d.order, photo.id, -1) }))}
        >
          {m.rvMoveUp}
        </button>
        <button
          type="button"
          onClick={() => update((d) => ({ order: movePhoto(d.order, photo.id, 1) }))}
        >
          {m.rvMoveDown}
        </button>
        <button type="button" onClick={() => toggleDrop(photo.id)}>
          {dropped.has(photo.id) ? m.rvKeepPhoto : m.rvDropPhoto}
        </button>
      </div>
      <img
        src={mediaUrl(photo.media)}
        width={photo.width}
        height={photo.height}
        alt={captionOf(manifest, draft, photo.id)}
        draggable={false}
      />
      {ownCaption ? (
        <TextEdit
          label={m.rvCaption(photo.id)}
          value={captionOf(manifest, draft, photo.id)}
          className="rv-caption"
          testId={`review-caption-${photo.id}`}
          edited={edits.captions?.[photo.id] !== undefined}
          onChange={(text) => update((d) => ({ captions: { ...d.captions, [photo.id]: text } }))}
        />
      ) : null}
      <Embedded photo={photo} />
      {comments(photo.id)}
    </figure>
  );

  const blocks = layOut(manifest, draft.order).map((b): ReactNode => {
    if (b.type === 'paragraph')
      return (
        <div key={b.id} className="rv-block">
          <TextEdit
            label={m.rvParagraph(b.id)}
            value={paragraphOf(manifest, draft, b.id)}
            testId={`review-paragraph-${b.id}`}
            edited={edits.paragraphs?.[b.id] !== undefined}
            onChange={(text) => update((d) => ({ paragraphs: { ...d.paragraphs, [b.id]: text } }))}
          />
          {comments(b.id)}
        </div>
      );
    if (b.type === 'photo') {
      const photo = photos.get(b.photo);
      return photo ? (
        <div key={b.id} className="rv-block">
          {figure(photo, true)}
        </div>
      ) : null;
    }
    return (
      <div key={b.id} className="rv-block rv-gallery">
        <p className="rv-muted">{m.rvGallery(b.photos.length)}</p>
        <div className="rv-gallery-photos">
          {b.photos.map((id) => {
            const photo = photos.get(id);
            return photo ? figure(photo, false) : null;
          })}
        </div>
        <TextEdit
          label={m.rvCaption(b.id)}
          value={captionOf(manifest, draft, b.id)}
          className="rv-caption"
          testId={`review-caption-${b.id}`}
          edited={edits.captions?.[b.id] !== undefined}
          onChange={(text) => update((d) => ({ captions: { ...d.captions, [b.id]: text } }))}
        />
        {comments(b.id)}
      </div>
    );
  });

  return (
    <div className="rv-package" data-testid="review-package">
      <article className="rv-article">
        <p className="rv-muted rv-path-line">
          {m.rvVersion(opened.version)} · {opened.path}
        </p>
        <TextEdit
          label={m.rvHeadline}
          value={draft.headline ?? article.headline}
          testId="review-headline"
          edited={edits.headline !== undefined}
          className="rv-headline"
          onChange={(text) => update(() => ({ headline: text }))}
        />
        <p className="rv-dateline">
          {article.dateline.place}
          {article.dateline.place && article.dateline.date ? ' — ' : ''}
          {article.dateline.date}
          {article.byline ? ` · ${article.byline}` : ''}
          {article.category ? ` · ${article.category}` : ''}
        </p>
        <TextEdit
          label={m.rvSapo}
          value={draft.sapo ?? article.sapo}
          testId="review-sapo"
          edited={edits.sapo !== undefined}
          className="rv-sapo"
          onChange={(text) => update(() => ({ sapo: text }))}
        />
        <section className="rv-block">
          <h4>{m.rvArticleComments}</h4>
          {comments('article')}
        </section>
        <p className="rv-muted">{m.rvReorderHint}</p>
        {blocks}
      </article>
      <aside className="rv-side">
        <section className="rv-decision" aria-label={m.rvModeOpen}>
          <label>
            {m.rvReviewer}
            <input
              type="text"
              value={reviewer}
              data-testid="review-reviewer"
              onChange={(event) => setReviewer(event.target.value)}
            />
          </label>
          <label>
            {m.rvNote}
            <textarea
              value={note}
              rows={3}
              data-testid="review-note"
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <p className="rv-muted" data-testid="review-pending">
            {saved ? m.rvSaved(saved.version, opened.version) : m.rvPending(pending)}
          </p>
          <div className="rv-buttons">
            <button
              type="button"
              className="rv-approve"
              disabled={saving || !!saved}
              data-testid="review-approve"
              onClick={() => void decide('approved')}
            >
              {m.rvApprove}
            </button>
            <button
              type="button"
              className="rv-return"
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
          {saving ? <p className="rv-muted">{m.rvSaving}</p> : null}
          {problem ? (
            <p className="rv-error" role="alert" data-testid="review-problem">
              <ErrorLines text={problem} />
            </p>
          ) : null}
          {saved ? (
            <div className="rv-saved" role="status" data-testid="review-saved">
              <p className="rv-saved-title">{m.rvSaved(saved.version, opened.version)}</p>
              <p>
                {m.rvSavedPath} <code>{saved.path}</code>
              </p>
              <h4>{m.rvChanges}</h4>
              <ul>
                {saved.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
              <button type="button" onClick={() => onOpenPath(saved.path)}>
                {m.rvOpenSaved}
              </button>
            </div>
          ) : null}
        </section>
        <section>
          <h4>{m.rvNotes}</h4>
          <p className="rv-ok">{m.rvChecksOk(opened.checks.filter((c) => c.ok).length)}</p>
          <ul className="rv-notes" data-testid="review-notes">
            {opened.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
        <section>
          <h4>{m.rvHistory}</h4>
          <ol className="rv-history" data-testid="review-history">
            {manifest.history.map((h) => (
              <li key={h.version}>
                <span className="rv-history-head">
                  v{h.version} · {m.rvDecision(h.decision)} · {h.by} ({m.rvRole(h.role)}) ·{' '}
                  {shortTime(h.at)}
                </span>
                {h.note ? <span className="rv-history-note">{h.note}</span> : null}
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
    </div>
  );
}

/** An inline text field that grows with its text. */
function TextEdit({
  label,
  value,
  testId,
  className = '',
  edited = false,
  onChange,
}: {
  label: string;
  value: string;
  testId: string;
  className?: string;
  /** Differs from the package: marked until saved. */
  edited?: boolean;
  onChange: (text: string) => void;
}) {
  return (
    <textarea
      className={`rv-edit ${className} ${edited ? 'is-edited' : ''}`}
      aria-label={label}
      title={label}
      value={value}
      rows={1}
      spellCheck={false}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function Embedded({ photo }: { photo: Photo }) {
  const { m } = useI18n();
  const e = photo.embedded;
  const rows: [string, string | null][] = [
    ['Caption', e.caption],
    ['Headline', e.headline],
    ['By-line', e.byline.join('; ') || null],
    ['Credit', e.credit],
    ['Source', e.source],
    ['Copyright', e.copyright],
    ['Location', [e.location, e.city, e.province, e.country].filter(Boolean).join(', ') || null],
    ['Date', e.dateCreated],
    ['Keywords', e.keywords.join(', ') || null],
    ['Size', e.width && e.height ? `${e.width}×${e.height}` : null],
    ['Error', e.error],
    ['Conflicts', e.conflicts.join('; ') || null],
  ];
  return (
    <div className="rv-embedded">
      {!photo.captionMatches ? (
        <p className="rv-warn" role="note" data-testid={`review-mismatch-${photo.id}`}>
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

/** Existing comments on a target, the ones being added, and a field to add one. */
function CommentSlot({
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
    <div className="rv-comment-slot" data-testid={`review-comments-${target}`}>
      {existing.length ? <CommentList comments={existing} /> : null}
      {draft.length ? (
        <ul className="rv-comments">
          {draft.map((c, i) => (
            <li key={i} className="rv-comment is-new">
              <span className="rv-comment-meta">{m.rvNewComment}</span>
              <span className="rv-comment-text">{c.text}</span>
              <button type="button" className="rv-link" onClick={() => onRemove(c.text)}>
                {m.rvRemoveComment}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="rv-comment-new">
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
          className="rv-link"
          data-testid={`review-comment-open-${target}`}
          onClick={() => setOpen(true)}
        >
          + {m.rvComment}
        </button>
      )}
    </div>
  );
}
