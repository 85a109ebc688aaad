import type { Manifest } from '../../contract/package-manifest';
import { diffManifests, summarize } from './diff-manifests';
import type { ReviewRecord } from './review-store';

/**
 * What a package rebuilt by the reporter after a review carries: the next version number,
 * the reviewed package's history and comments, and an entry for this resubmission. Its time
 * is the article's, like the rest of the manifest, so rebuilding gives the same bytes.
 */
export function nextRevision(
  record: ReviewRecord,
  draft: Manifest,
): Pick<Manifest, 'version' | 'history' | 'comments'> {
  const previous = record.manifest;
  const version = previous.version + 1;
  return {
    version,
    comments: previous.comments,
    history: [
      ...previous.history,
      {
        version,
        at: draft.createdAt,
        by: draft.author.name,
        role: 'reporter',
        decision: 'submitted',
        note: null,
        previousManifestSha256: record.manifestSha256,
        changes: summarize(diffManifests(previous, draft)),
      },
    ],
  };
}
