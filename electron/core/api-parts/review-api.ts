import { isAbsolute, resolve } from 'node:path';
import { ApiError, type Api, type ResultOf } from '../../contract/api';
import type { reviewContract } from '../../contract/review';
import { ArticleStore } from '../article/article-store';
import { diffManifests } from '../review/diff-manifests';
import { formatDiff } from '../review/format-diff';
import { loadVerifiedPackage } from '../review/load-package';
import { openPackageForReview } from '../review/open-package';
import { readReviewRecord, writeReviewRecord, type ReviewRecord } from '../review/review-store';
import { writeReviewVersion } from '../review/save-review';
import { signingFor } from '../credentials/signing-for';
import type { CoreContext } from './core-context';

const absolute = (p: string) => (isAbsolute(p) ? p : resolve(p));

function summary(record: ReviewRecord): NonNullable<ResultOf<'getReview'>> {
  const m = record.manifest;
  const last = m.history.at(-1);
  return {
    articleId: record.articleId,
    version: m.version,
    decision: last?.decision ?? 'submitted',
    note: last?.note ?? null,
    by: last?.by ?? '',
    importedFrom: record.importedFrom,
    importedAt: record.importedAt,
    comments: m.comments,
    history: m.history,
    article: { headline: m.article.headline, sapo: m.article.sapo, body: m.article.body },
    photos: m.photos.map((p) => ({ id: p.id, sourceFile: p.source.file, caption: p.caption })),
  };
}

export function reviewApi(ctx: CoreContext): Pick<Api, keyof typeof reviewContract> {
  return {
    async openPackage({ path }) {
      return openPackageForReview(absolute(path), ctx.opts.dataDir);
    },
    async saveReview({ path, reviewer, role, decision, note, edits, comments, out }) {
      // Only the user at a terminal picks any path; the UI writes beside the reviewed file.
      if (out !== undefined && ctx.opts.mode !== 'cli')
        throw new ApiError('out is offered by the CLI only', 'cli-only');
      return writeReviewVersion({
        path: absolute(path),
        reviewer,
        role,
        decision,
        note: note ?? null,
        edits,
        comments,
        out: out === undefined ? null : absolute(out),
        appVersion: ctx.opts.version,
        now: new Date().toISOString(),
        // A key this front cannot open (the CLI and the app's keychain) reviews unsigned:
        // the photos it edits are then recorded, and reported, as broken.
        signing: await signingFor(ctx, undefined).catch(() => signingFor(ctx, false)),
      });
    },
    async diffPackages({ a, b }) {
      const pa = await loadVerifiedPackage(absolute(a));
      const pb = await loadVerifiedPackage(absolute(b));
      const sides = {
        a: { path: pa.path, version: pa.manifest.version },
        b: { path: pb.path, version: pb.manifest.version },
      };
      const d = { ...diffManifests(pa.manifest, pb.manifest), ...sides };
      return { ...d, text: formatDiff(d) };
    },
    async importReview({ folder, path }) {
      const f = await ctx.folders.require(folder);
      const pkg = await loadVerifiedPackage(absolute(path));
      const articleId = pkg.manifest.article.id;
      // Throws not-found, naming the article, when this folder does not hold it.
      await new ArticleStore(f.info.stateDir).get(articleId);
      // An older review imported over a newer one would make the next package repeat a version.
      const current = await readReviewRecord(f.info.stateDir, articleId);
      if (current && current.manifest.version > pkg.manifest.version)
        throw new ApiError(
          `${articleId}: version ${current.manifest.version} of this article was already imported; this package is version ${pkg.manifest.version}`,
          'review-newer-imported',
          { id: articleId, version: current.manifest.version },
        );
      const record: ReviewRecord = {
        articleId,
        importedFrom: pkg.path,
        importedAt: new Date().toISOString(),
        manifestSha256: pkg.manifestSha256,
        manifest: pkg.manifest,
      };
      const stored = await writeReviewRecord(f.info.stateDir, record);
      return { ...summary(record), stored };
    },
    async getReview({ folder, articleId }) {
      const f = await ctx.folders.require(folder);
      const record = await readReviewRecord(f.info.stateDir, articleId);
      return record && summary(record);
    },
  };
}
