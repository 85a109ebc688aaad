import { stat } from 'node:fs/promises';
import type { MediaResponse } from '../app-core-types';
import { reviewMediaFile } from './work-area';

/**
 * `media/review/<packageId>/v<N>/p<k>.jpg`: a photo of an opened package, served only from
 * the work area that openPackage filled after verifying it. The path is rebuilt from the
 * three matched values, so nothing else under the data folder can be reached.
 */
export async function resolveReviewMedia(
  dataDir: string,
  urlPath: string,
): Promise<MediaResponse | null> {
  const file = reviewMediaFile(dataDir, urlPath);
  if (!file) return null;
  const s = await stat(file).catch(() => null);
  return s?.isFile() ? { path: file, contentType: 'image/jpeg' } : null;
}
