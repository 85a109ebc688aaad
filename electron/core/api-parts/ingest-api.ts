import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError, errorInfo, type Api, type Template } from '../../contract/api';
import { defaultEvent, eventPath, saveEvent } from '../captioning/event-store';
import { runIngest } from '../ingest/run-ingest';
import { unknownIngestVariables } from '../../../common/naming/ingest-name';
import type { CoreContext } from './core-context';
import { progressGate } from '../util/rate-limit';

/** Progress events at most this often (the last one always goes out). */
const PROGRESS_EVERY_MS = 200;

/** Ingest: cards into the event folder. */
export function ingestApi(ctx: CoreContext): Pick<Api, 'ingest'> {
  return {
    async ingest({ sources, to, backup, rename, template, hotCodes, job: jobId }) {
      const job = jobId ?? `ingest:${randomUUID()}`;
      if (ctx.jobs.has(job)) throw new ApiError(`The job ${job} is already running`, 'job-running');
      const unknown = rename ? unknownIngestVariables(rename) : [];
      if (unknown.length)
        throw new ApiError(
          `The rename pattern has unknown variables: ${unknown.map((n) => `{${n}}`).join(', ')}`,
          'rename-pattern-invalid',
          { variables: unknown.map((n) => `{${n}}`).join(', ') },
        );
      const dest = resolve(to).normalize('NFC');
      if (template) await adoptTemplate(ctx, dest, template);
      const controller = new AbortController();
      ctx.jobs.set(job, controller);
      const due = progressGate(PROGRESS_EVERY_MS);
      try {
        const naming = (await ctx.settings.get()).sidecarNaming;
        const outcome = await runIngest({
          sources,
          to: dest,
          backup: backup ?? null,
          rename: rename ?? null,
          template: template ?? null,
          hotCodes: hotCodes ?? [],
          sidecarNaming: naming,
          signal: controller.signal,
          onProgress: (p) => {
            if (due(p.filesDone >= p.filesTotal))
              ctx.emit({ type: 'ingestProgress', job, to: dest, ...p });
          },
        });
        // Landings are seen by the open folder's watcher as they happen; one last
        // re-read makes sure the grid has them all even where watching is unreliable.
        const open = await openFolderAt(ctx, dest);
        if (open) await ctx.folders.update(open, null);
        const { copied, skipped, failed, bytes, cancelled } = outcome;
        ctx.log[failed ? 'warn' : 'info'](cancelled ? 'ingest-cancelled' : 'ingest-done', {
          job,
          to: dest,
          sources,
          copied,
          skipped,
          failed,
          bytes,
          // Each failed file with its reason: the log is where a reporter's helper looks.
          failures: outcome.files
            .filter((x) => x.status === 'failed')
            .slice(0, 50)
            .map((x) => ({ source: x.source, error: x.error })),
        });
        return { job, ...outcome };
      } catch (err) {
        ctx.log.error('ingest-failed', { job, to: dest, sources, error: err });
        if (err instanceof ApiError) throw err;
        const info = errorInfo(err, dest);
        throw new ApiError(
          `Ingest into ${dest} failed: ${(err as Error).message}`,
          info.code,
          info.params as never,
        );
      } finally {
        ctx.jobs.delete(job);
      }
    },
  };
}

/**
 * A folder with no event settings yet takes the ingest's template as its event, so
 * the app shows the shared caption the sidecars were given (and keeps it in step).
 */
async function adoptTemplate(ctx: CoreContext, folder: string, template: Template) {
  const had = await access(eventPath(folder)).then(
    () => true,
    () => false,
  );
  if (had) return;
  const event = { ...defaultEvent(), template };
  try {
    await saveEvent(folder, event);
  } catch (err) {
    const info = errorInfo(err, folder);
    throw new ApiError(
      `Cannot write the event settings in ${folder}: ${(err as Error).message}`,
      info.code,
      info.params as never,
    );
  }
  const open = await openFolderAt(ctx, folder);
  if (open) {
    open.event = event;
    ctx.folders.rederive(open);
  }
}

/** The open folder at this path, if the app has it open (compared as the registry does). */
async function openFolderAt(ctx: CoreContext, path: string) {
  const canonical = await ctx.folders.canonical(path).catch(() => path);
  return ctx.folders.opened(canonical);
}
