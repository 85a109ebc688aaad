import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ApiError, type Article } from '../../contract/api';
import type { Manifest } from '../../contract/package-manifest';
import type { BuildResult } from './build-package';
import { packagesDir } from './list-packages';
import {
  absolutePath,
  appendPackageRecord,
  packageJournalPath,
  readPackageJournal,
  recordedPath,
} from './package-journal';

/**
 * Record a package just built in its event folder's journal. The zip is already in place,
 * so a record that cannot be written says so and where the package is, rather than
 * leaving a package the history will never show.
 */
export async function recordBuilt(
  stateDir: string,
  built: BuildResult,
  meta: { article: Article; version: number },
): Promise<void> {
  try {
    await appendPackageRecord(stateDir, {
      type: 'built',
      path: recordedPath(stateDir, built.path),
      at: new Date().toISOString(),
      articleId: meta.article.id,
      headline: meta.article.headline,
      version: meta.version,
      bytes: built.bytes,
      photos: built.photos.length,
      sha256: built.sha256,
    });
  } catch (err) {
    throw new ApiError(
      `The package was written to ${built.path}, but ${packageJournalPath(stateDir)} could not record it: ${(err as Error).message}`,
      'io',
    );
  }
}

/**
 * Record verifyPackage's verdict where the package belongs: a folder whose journal lists
 * it, or whose packages/ holds it. Returns the article it belongs to, or null when this
 * folder does not know the package (nothing is written then).
 */
export async function recordVerdict(
  stateDir: string,
  path: string,
  ok: boolean,
  manifest: Manifest | null,
): Promise<string | null> {
  const abs = resolve(path);
  const records = await readPackageJournal(stateDir);
  const built = records.findLast(
    (r) => r.type === 'built' && absolutePath(stateDir, r.path) === abs,
  );
  const found = dirname(abs) === resolve(packagesDir(stateDir)) && manifest !== null;
  const articleId = built?.type === 'built' ? built.articleId : found ? manifest.article.id : null;
  if (!articleId) return null;
  let file;
  try {
    file = await stat(abs);
  } catch {
    return null; // nothing there to have a verdict on
  }
  await appendPackageRecord(stateDir, {
    type: 'verified',
    path: recordedPath(stateDir, abs),
    at: new Date().toISOString(),
    ok,
    bytes: file.size,
    mtimeMs: file.mtimeMs,
  });
  return articleId;
}
