/**
 * Where an opened package is unpacked: the app's own data folder, under a path built only
 * from values the manifest schema has already constrained (a UUID, an integer, `p<n>`).
 * No name from the zip ever becomes part of a path on disk.
 */
import { join } from 'node:path';

export const REVIEW_DIR = 'review';

/** Members we unpack; anything else in a verified package would have failed verification. */
const WHITELIST = /^(manifest\.json|article\.html|newsml\.xml|photos\/[^/\\:\0]{1,200}\.jpe?g)$/i;

export function isWhitelistedMember(name: string): boolean {
  return WHITELIST.test(name) && !name.startsWith('photos/.');
}

export function reviewRoot(dataDir: string): string {
  return join(dataDir, REVIEW_DIR);
}

export function workDir(dataDir: string, packageId: string, version: number): string {
  if (!/^[0-9a-f-]{36}$/.test(packageId) || !Number.isInteger(version) || version < 1)
    throw new Error(`not a package identity: ${packageId} v${version}`);
  return join(reviewRoot(dataDir), packageId, `v${version}`);
}

/** The photo's local name is its manifest id, never the member name. */
export function localPhotoName(photoId: string): string {
  if (!/^p\d{1,6}$/.test(photoId)) throw new Error(`not a photo id: ${photoId}`);
  return `${photoId}.jpg`;
}

const MEDIA = /^\/?media\/review\/([0-9a-f-]{36})\/v(\d{1,6})\/(p\d{1,6})\.jpg(?:\?.*)?$/;

/** The media path the UI loads a reviewed photo from (see resolveReviewMedia). */
export function reviewMediaPath(
  packageId: string,
  version: number,
  photoId: string,
  sha256: string,
): string {
  return `media/review/${packageId}/v${version}/${localPhotoName(photoId)}?v=${sha256.slice(0, 16)}`;
}

/** The file a review media path names, inside the work area only; null when it is not one. */
export function reviewMediaFile(dataDir: string, urlPath: string): string | null {
  const m = MEDIA.exec(urlPath);
  if (!m || Number(m[2]) < 1) return null;
  return join(workDir(dataDir, m[1]!, Number(m[2])), 'photos', localPhotoName(m[3]!));
}
