import { CommentSlot } from './CommentSlot';
import type { OpenedPackage } from './edits';
import { ReviewArticle } from './ReviewArticle';
import { ReviewSidePanel } from './ReviewSidePanel';
import { useReviewDecision } from './useReviewDecision';
import { useReviewDraft } from './useReviewDraft';
import styles from './review.module.css';

/** One opened package: the article as laid out, editable, with comments and the decision. */
export function PackageView({
  opened,
  onOpenPath,
}: {
  opened: OpenedPackage;
  onOpenPath: (path: string) => void;
}) {
  const manifest = opened.manifest;
  const review = useReviewDraft(manifest);
  const decision = useReviewDecision(opened, review);

  const comments = (target: string) => (
    <CommentSlot
      target={target}
      existing={manifest.comments.filter((c) => c.target === target)}
      draft={review.draft.comments.filter((c) => c.target === target)}
      onAdd={(text) => review.addComment(target, text)}
      onRemove={(text) => review.removeComment(target, text)}
    />
  );

  return (
    <div className={styles.rvPackage} data-testid="review-package">
      <ReviewArticle opened={opened} review={review} comments={comments} />
      <ReviewSidePanel
        opened={opened}
        decision={decision}
        pending={review.pending}
        onOpenPath={onOpenPath}
      />
    </div>
  );
}
