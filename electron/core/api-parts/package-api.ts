import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ApiError, type Api } from '../../contract/api';
import { ArticleStore } from '../article/article-store';
import { buildPackageFile } from '../package/build-package';
import { signingFor } from '../credentials/signing-for';
import { packageStatement } from '../credentials/export-credentials';
import { verifyPackage } from '../package/verify';
import { packageFileName } from '../../../common/naming/house-name';
import { readReviewRecord } from '../review/review-store';
import { nextRevision } from '../review/revision';
import { versionedPath } from '../package/history-chain';
import { listPackages } from '../package/list-packages';
import { recordBuilt, recordVerdict } from '../package/record-package';
import type { CoreContext } from './core-context';
import { baseUrlProblem, baseUrlProblemText } from '../../../common/package/newsml-base-url';

export function packageApi(
  ctx: CoreContext,
): Pick<Api, 'buildPackage' | 'cancelJob' | 'verifyPackage' | 'listPackages'> {
  const jobs = new Map<string, AbortController>();
  /**
   * Tell every window the article's packages changed, with the list as it now is. The
   * package itself is done by then: a list that cannot be read is not its failure, and the
   * next listPackages reports it.
   */
  const announce = async (folder: string, stateDir: string, articleId: string) => {
    const packages = await listPackages(stateDir, articleId).catch(() => null);
    if (packages) ctx.emit({ type: 'packagesChanged', folder, articleId, packages });
  };
  return {
    async buildPackage({
      folder,
      articleId,
      out,
      preset: presetName,
      outlet,
      initials,
      newsmlBaseUrl,
      sign,
    }) {
      // Checked before anything is read or exported: a bad option wastes no minutes.
      const problem = newsmlBaseUrl === undefined ? null : baseUrlProblem(newsmlBaseUrl);
      if (problem) throw new ApiError(baseUrlProblemText(newsmlBaseUrl!, problem), 'invalid-args');
      const f = await ctx.folders.require(folder);
      const article = await new ArticleStore(f.info.stateDir).get(articleId);
      const preset = await ctx.presets.get(presetName);
      const o = (outlet ?? preset.outlet).trim();
      const i = (initials ?? (article.authorInitials || preset.initials)).trim();
      if (!o)
        throw new ApiError(
          'Set the outlet (e.g. baolaocai) in the export preset or the package dialog',
          'outlet-missing',
        );
      const signing = await signingFor(ctx, sign);
      const name = packageFileName(o, article.dateline.date, article.headline);
      // After an imported review the package continues that review's versions (name-v3.zip…).
      const review = await readReviewRecord(f.info.stateDir, articleId);
      const version = review ? review.manifest.version + 1 : 1;
      const inFolder = join(f.info.stateDir, 'packages', name);
      // Outside the CLI, packages go only to the folder's own packages/ subfolder.
      const target =
        out && ctx.opts.mode === 'cli'
          ? isAbsolute(out)
            ? out
            : resolve(out)
          : version > 1
            ? versionedPath(inFolder, version)
            : inFolder;
      await mkdir(dirname(target), { recursive: true });
      const job = `package:${articleId}`;
      if (jobs.has(job))
        throw new ApiError('This article is already being packaged', 'package-busy');
      const controller = new AbortController();
      jobs.set(job, controller);
      let built: Awaited<ReturnType<typeof buildPackageFile>>;
      const outcome = { folder: f.info.path, articleId, out: target, version };
      try {
        built = await buildPackageFile({
          article,
          photos: f.photos,
          preset,
          outlet: o,
          initials: i,
          timeZone: f.event.timeZone,
          ...(newsmlBaseUrl ? { newsmlBaseUrl: newsmlBaseUrl.trim() } : {}),
          appVersion: ctx.opts.version,
          out: target,
          signing,
          signal: controller.signal,
          ...(review ? { revise: (draft) => nextRevision(review, draft) } : {}),
          progress: (done, total, label) =>
            ctx.emit({ type: 'progress', job, folder: f.info.path, done, total, label }),
        });
      } catch (error) {
        const cancelled = controller.signal.aborted;
        ctx.log[cancelled ? 'info' : 'error'](cancelled ? 'package-cancelled' : 'package-failed', {
          ...outcome,
          error,
        });
        throw error;
      } finally {
        jobs.delete(job);
      }
      ctx.log.info('package-built', {
        ...outcome,
        path: built.path,
        bytes: built.bytes,
        sha256: built.sha256,
        photos: built.photos.length,
      });
      await recordBuilt(f.info.stateDir, built, { article, version });
      await announce(f.info.path, f.info.stateDir, articleId);
      return { ...built, credentials: packageStatement(signing.identity) };
    },
    async cancelJob({ job }) {
      const c = jobs.get(job) ?? ctx.jobs.get(job);
      c?.abort();
      return { cancelled: !!c };
    },
    async verifyPackage({ path }) {
      const r = await verifyPackage(path, await ctx.credentials.trust.load());
      // The verdict joins the history of each open folder that knows this package. It is a
      // by-product: a folder whose journal cannot take it shows the package unverified.
      for (const f of ctx.folders.all()) {
        const articleId = await recordVerdict(f.info.stateDir, path, r.ok, r.manifest).catch(
          () => null,
        );
        if (articleId) await announce(f.info.path, f.info.stateDir, articleId);
      }
      return { ok: r.ok, problems: r.problems, ...(r.notes ? { notes: r.notes } : {}) };
    },
    async listPackages({ folder, articleId }) {
      const f = await ctx.folders.require(folder);
      return listPackages(f.info.stateDir, articleId);
    },
  };
}
