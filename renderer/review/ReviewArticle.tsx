import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { captionOf, layOut, paragraphOf, type OpenedPackage } from './edits';
import { TextEdit } from './ReviewTextEdit';
import { ReviewPhoto } from './ReviewPhoto';
import type { ReviewDraft } from './useReviewDraft';
import { cx } from '../ui/cx';
import styles from './review.module.css';

/** The packaged article as laid out in the draft's photo order, every text editable in place. */
export function ReviewArticle({
  opened,
  review,
  comments,
}: {
  opened: OpenedPackage;
  review: ReviewDraft;
  comments: (target: string) => ReactNode;
}) {
  const { m } = useI18n();
  const manifest = opened.manifest;
  const article = manifest.article;
  const { draft, edits, update } = review;
  const photos = new Map(opened.photos.map((p) => [p.id, p]));
  const figure = (id: string, ownCaption: boolean) => {
    const photo = photos.get(id);
    return photo ? (
      <ReviewPhoto
        key={photo.id}
        photo={photo}
        ownCaption={ownCaption}
        manifest={manifest}
        review={review}
        comments={comments}
      />
    ) : null;
  };

  const blocks = layOut(manifest, draft.order).map((b): ReactNode => {
    if (b.type === 'paragraph')
      return (
        <div key={b.id} className={styles.rvBlock}>
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
    if (b.type === 'photo')
      return photos.has(b.photo) ? (
        <div key={b.id} className={styles.rvBlock}>
          {figure(b.photo, true)}
        </div>
      ) : null;
    return (
      <div key={b.id} className={styles.rvBlock}>
        <p className={styles.rvMuted}>{m.rvGallery(b.photos.length)}</p>
        <div className={styles.rvGalleryPhotos}>{b.photos.map((id) => figure(id, false))}</div>
        <TextEdit
          label={m.rvCaption(b.id)}
          value={captionOf(manifest, draft, b.id)}
          className={styles.rvCaption}
          testId={`review-caption-${b.id}`}
          edited={edits.captions?.[b.id] !== undefined}
          onChange={(text) => update((d) => ({ captions: { ...d.captions, [b.id]: text } }))}
        />
        {comments(b.id)}
      </div>
    );
  });

  return (
    <article className={styles.rvArticle}>
      <p className={cx(styles.rvMuted, styles.rvPathLine)}>
        {m.rvVersion(opened.version)} · {opened.path}
      </p>
      <TextEdit
        label={m.rvHeadline}
        value={draft.headline ?? article.headline}
        testId="review-headline"
        edited={edits.headline !== undefined}
        className={styles.rvHeadline}
        onChange={(text) => update(() => ({ headline: text }))}
      />
      <p className={styles.rvDateline}>
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
        className={styles.rvSapo}
        onChange={(text) => update(() => ({ sapo: text }))}
      />
      <section className={styles.rvBlock}>
        <h4>{m.rvArticleComments}</h4>
        {comments('article')}
      </section>
      <p className={styles.rvMuted}>{m.rvReorderHint}</p>
      {blocks}
    </article>
  );
}
