import type { ReactNode } from 'react';
import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';
import { captionOf, type Manifest, type OpenedPackage } from './edits';
import { Embedded } from './EmbeddedFields';
import { TextEdit } from './ReviewTextEdit';
import type { ReviewDraft } from './useReviewDraft';
import { cx } from '../ui/cx';
import styles from './review.module.css';

export type ReviewedPhoto = OpenedPackage['photos'][number];

/**
 * One photo of the package: movable by keyboard, buttons or drag, droppable, with its
 * caption (unless a gallery's shared caption speaks for it), its embedded fields and comments.
 */
export function ReviewPhoto({
  photo,
  ownCaption,
  manifest,
  review,
  comments,
}: {
  photo: ReviewedPhoto;
  ownCaption: boolean;
  manifest: Manifest;
  review: ReviewDraft;
  comments: (target: string) => ReactNode;
}) {
  const { m } = useI18n();
  const { mediaUrl } = useTransport();
  const { draft, edits, dropped } = review;
  const isDropped = dropped.has(photo.id);
  return (
    <figure
      className={cx(styles.rvPhoto, isDropped && styles.isDropped)}
      tabIndex={0}
      draggable
      data-photo-id={photo.id}
      data-testid={`review-photo-${photo.id}`}
      aria-label={`${photo.id} ${photo.sourceFile}`}
      onKeyDown={review.photoKeys(photo.id)}
      onDragStart={(event) => event.dataTransfer.setData('text/x-review-photo', photo.id)}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const id = event.dataTransfer.getData('text/x-review-photo');
        if (id) review.place(id, photo.id);
      }}
    >
      <div className={styles.rvPhotoBar}>
        <span className={styles.rvPhotoId}>
          {photo.id} · {photo.sourceFile} · {photo.width}×{photo.height}
        </span>
        {isDropped ? <span className={styles.rvBadge}>{m.rvDropped}</span> : null}
        <CredentialsMark
          manifest={manifest}
          id={photo.id}
          edited={edits.captions?.[photo.id] !== undefined}
        />
        <button type="button" onClick={() => review.move(photo.id, -1)}>
          {m.rvMoveUp}
        </button>
        <button type="button" onClick={() => review.move(photo.id, 1)}>
          {m.rvMoveDown}
        </button>
        <button type="button" onClick={() => review.toggleDrop(photo.id)}>
          {isDropped ? m.rvKeepPhoto : m.rvDropPhoto}
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
          className={styles.rvCaption}
          testId={`review-caption-${photo.id}`}
          edited={edits.captions?.[photo.id] !== undefined}
          onChange={(text) =>
            review.update((d) => ({ captions: { ...d.captions, [photo.id]: text } }))
          }
        />
      ) : null}
      <Embedded photo={photo} />
      {comments(photo.id)}
    </figure>
  );
}

/** What the photo's Content Credentials are in this version, and what a caption edit will do to them. */
function CredentialsMark({
  manifest,
  id,
  edited,
}: {
  manifest: Manifest;
  id: string;
  edited: boolean;
}) {
  const { m } = useI18n();
  const c = manifest.photos.find((p) => p.id === id)?.credentials;
  if (!c) return null;
  if (c.state === 'broken')
    return (
      <span
        className={cx(styles.rvBadge, styles.rvBadgeBad)}
        data-testid={`review-credentials-${id}`}
      >
        {m.rvCredBroken}
      </span>
    );
  if (!c.signed) return null;
  return (
    <span
      className={cx(styles.rvBadge, styles.rvBadgeGood)}
      data-testid={`review-credentials-${id}`}
      title={edited ? m.rvCredEditHint : undefined}
    >
      {m.rvCredSigned(c.signer ?? '')}
      {edited ? ' *' : ''}
    </span>
  );
}
