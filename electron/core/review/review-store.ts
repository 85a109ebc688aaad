/**
 * The reporter's copy of the latest review of an article: the reviewed package's manifest
 * (its comments, history and the editor's text), kept with the folder's other state so the
 * UI can show it beside the article, and so the next package continues its history.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError, toApiError } from '../../contract/api';
import { readJson, writeJson } from '../library/json-file';
import { manifestSchema } from '../../contract/package-manifest';

export const reviewRecordSchema = z.object({
  articleId: z.string(),
  importedFrom: z.string(),
  importedAt: z.string(),
  /** sha256 of the reviewed package's manifest.json: the parent of the next version. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  manifest: manifestSchema,
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

function recordPath(stateDir: string, articleId: string): string {
  // The id comes from a package: it names a file only if it is an article id of ours.
  if (!/^[a-z0-9-]{1,64}$/.test(articleId))
    throw new ApiError(`${articleId}: not an article id`, 'article-id-invalid', { id: articleId });
  return join(stateDir, '.captiondesk', 'reviews', `${articleId}.json`);
}

export async function readReviewRecord(
  stateDir: string,
  articleId: string,
): Promise<ReviewRecord | null> {
  try {
    return await readJson(
      recordPath(stateDir, articleId),
      reviewRecordSchema.nullable(),
      () => null,
    );
  } catch (err) {
    throw toApiError(err);
  }
}

export async function writeReviewRecord(stateDir: string, record: ReviewRecord): Promise<string> {
  const path = recordPath(stateDir, record.articleId);
  await writeJson(path, record);
  return path;
}
