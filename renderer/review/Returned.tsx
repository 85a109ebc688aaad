import { useEffect, useState } from 'react';
import type { ClientApi } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import { PathForm, Problems } from './PathForm';
import { ReviewComments } from './ReviewComments';
import { ErrorLines } from '../errors/ErrorLines';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

type Summary = NonNullable<Awaited<ReturnType<ClientApi['getReview']>>>;

/**
 * The reporter's side: open a package an editor returned, attach its review to the article
 * in the open folder, read the comments and take the editor's text.
 */
export function OpenReturned({ folder }: { folder: string | null }) {
  const { m } = useI18n();
  const { api } = useTransport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  if (!folder) return <p className={styles.rvMuted}>{m.rvReturnedNoFolder}</p>;
  const open = async (path: string) => {
    setBusy(true);
    setError(null);
    try {
      setSummary(await api.importReview({ folder, path }));
    } catch (err) {
      setSummary(null);
      setError(describeError(err, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.rvReturned}>
      <PathForm
        label={m.rvPathLabel}
        placeholder={m.rvPathPlaceholder}
        button={busy ? m.rvImporting : m.rvImport}
        busy={busy}
        testId="review-returned"
        autoFocus
        onSubmit={(path) => void open(path)}
      />
      {error ? <Problems message={error} testId="review-returned-error" /> : null}
      {summary ? <ReviewSummaryView folder={folder} summary={summary} /> : null}
    </div>
  );
}

/**
 * The latest review of an article, read-only, for the article workspace to mount beside the
 * article: renders nothing when the article has none.
 */
export function ArticleReviewComments({
  folder,
  articleId,
}: {
  folder: string;
  articleId: string;
}) {
  const { api } = useTransport();
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    let live = true;
    api.getReview({ folder, articleId }).then(
      (s) => live && setSummary(s),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [api, folder, articleId]);
  return summary ? <ReviewSummaryView folder={folder} summary={summary} /> : null;
}

function ReviewSummaryView({ folder, summary }: { folder: string; summary: Summary }) {
  const { m } = useI18n();
  const { api } = useTransport();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = summary.article.body;
  const order = [...body.map((b) => b.id), ...summary.photos.map((p) => p.id)];
  const labelOf = (target: string) => {
    const block = body.find((b) => b.id === target);
    if (block?.type === 'paragraph') return `${m.rvParagraph(target)}: ${block.text.slice(0, 60)}…`;
    const photo = summary.photos.find((p) => p.id === target);
    if (photo) return `${target} · ${photo.sourceFile}`;
    return m.rvTarget(target);
  };

  const take = async () => {
    setBusy(true);
    setStatus(null);
    try {
      let n = 0;
      const current = await api.getArticle({ folder, id: summary.articleId });
      const next = { ...current, headline: summary.article.headline, sapo: summary.article.sapo };
      n += (current.headline !== next.headline ? 1 : 0) + (current.sapo !== next.sapo ? 1 : 0);
      next.body = current.body.map((b) => {
        const theirs = body.find((x) => x.id === b.id);
        if (b.type === 'paragraph' && theirs?.type === 'paragraph' && theirs.text !== b.text) {
          n++;
          return { ...b, text: theirs.text };
        }
        if (b.type === 'gallery' && theirs?.type === 'gallery' && theirs.caption !== b.caption) {
          n++;
          return { ...b, caption: theirs.caption };
        }
        return b;
      });
      await api.saveArticle({ folder, article: next });
      // Only captions the editor changed: the package holds each as it went out (rendered).
      const inGallery = new Set(body.flatMap((b) => (b.type === 'gallery' ? b.photos : [])));
      const tiles = new Map((await api.listPhotos({ folder })).map((t) => [t.file, t]));
      for (const p of summary.photos) {
        const tile = tiles.get(p.sourceFile);
        if (inGallery.has(p.id) || !tile || (tile.caption ?? '') === p.caption) continue;
        await api.setCaption({ folder, file: p.sourceFile, text: p.caption });
        n++;
      }
      setStatus(m.rvTookEditorText(n));
    } catch (err) {
      setStatus(m.rvSaveFailed(describeError(err, m)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={noteStyles.rvSummary} data-testid="review-summary">
      <h3>{m.rvCommentsFor(summary.article.headline)}</h3>
      <p className={styles.rvMuted}>
        {m.rvDecision(summary.decision)} · {m.rvReturnedBy(summary.by, summary.version)}
      </p>
      {summary.note ? <p className={noteStyles.rvHistoryNote}>{summary.note}</p> : null}
      <ReviewComments comments={summary.comments} order={order} labelOf={labelOf} />
      <button type="button" disabled={busy} data-testid="review-take" onClick={() => void take()}>
        {m.rvTakeEditorText}
      </button>
      {status ? (
        <p role="status">
          <ErrorLines text={status} />
        </p>
      ) : null}
    </section>
  );
}
