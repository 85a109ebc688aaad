import { join } from 'node:path';
import { ApiError, type Api, type ApiEvent } from '../contract/api';
import type { Core, CoreOptions } from './app-core-types';
import { FolderRegistry } from './folders/folder-registry';
import { SettingsStore } from './library/settings-store';
import { TemplateLibrary } from './library/template-library';
import { CodeListStore } from './library/code-list-store';
import { PresetStore } from './library/preset-store';
import { articleApi } from './api-parts/article-api';
import { packageApi } from './api-parts/package-api';
import { outboxApi } from './api-parts/outbox-api';
import { reviewApi } from './api-parts/review-api';
import { browseApi } from './api-parts/browse-api';
import { captioningApi } from './api-parts/captioning-api';
import { libraryApi } from './api-parts/library-api';
import { embedApi } from './api-parts/embed-api';
import { cullApi } from './api-parts/cull-api';
import { ingestApi } from './api-parts/ingest-api';
import type { CoreContext } from './api-parts/core-context';
import { resolveMedia } from './media';
import { ForegroundGate } from './util/foreground-gate';
import { collectChanges } from './folders/change-batch';
import { announceChangeSet, announcePhotos } from './api-parts/photo-events';
import { buildArrivalThumbs } from './api-parts/thumbnail-job';
import { announcingWrites } from './api-parts/write-events';
import { logApi } from './api-parts/log-api';
import { credentialsApi } from './api-parts/credentials-api';
import { credentialsStores } from './credentials/stores';
import { createCoreLog } from './log/core-log';
import { logFailedCall } from './log/log-calls';

/** The whole product behind the contract, in plain Node: every front calls this. */
export function createCore(opts: CoreOptions): Core {
  const log = createCoreLog(opts.dataDir);
  const listeners = new Set<(e: ApiEvent) => void>();
  const emit = (e: ApiEvent) => listeners.forEach((l) => l(e));
  let autoApply:
    | ((
        f: Parameters<ReturnType<typeof captioningApi>['applyTemplateTo']>[0],
        files: string[],
      ) => Promise<unknown>)
    | null = null;

  const folders = new FolderRegistry(opts, (f, change) => {
    void (async () => {
      await announcePhotos(ctx, f, change.photos, change.removed);
      if (!change.added.length) return;
      // Photos arriving in an open folder (a card still copying) get the event template,
      // announced as one more batch, and their thumbnails.
      if (f.event.autoApply && autoApply) {
        const apply = autoApply;
        await collectChanges(
          () => apply(f, change.added),
          (changes) => announceChangeSet(ctx, changes),
        ).catch(() => undefined);
      }
      buildArrivalThumbs(ctx, f, change.added);
    })().catch((error: unknown) =>
      log.error('folder-update-failed', { folder: f.info.path, error }),
    );
  });
  const closers: (() => Promise<void>)[] = [];
  const foreground = new ForegroundGate();
  const ctx: CoreContext = {
    foreground,
    opts,
    log,
    onClose: (fn) => closers.push(fn),
    emit,
    folders,
    settings: new SettingsStore(opts.dataDir),
    templates: new TemplateLibrary(join(opts.dataDir, 'templates')),
    codeLists: new CodeListStore(
      join(opts.dataDir, 'code-replacements'),
      join(opts.sampleDir, 'code-replacements.txt'),
    ),
    presets: new PresetStore(opts.dataDir),
    credentials: credentialsStores(opts),
    jobs: new Map(),
  };
  const captioning = captioningApi(ctx);
  autoApply = captioning.applyTemplateTo;

  // Writes of articles, templates, settings… announce their data, as photos do.
  const parts: Api = announcingWrites(ctx, {
    ...browseApi(ctx),
    ...captioning.api,
    ...libraryApi(ctx),
    ...embedApi(ctx),
    ...articleApi(ctx, captioning.setOwnCaption),
    ...packageApi(ctx),
    ...outboxApi(ctx),
    ...reviewApi(ctx),
    ...cullApi(ctx),
    ...ingestApi(ctx),
    ...logApi(ctx),
    ...credentialsApi(ctx),
  });
  // Every call announces the photos it changed in one photosChanged event when it ends.
  const api = Object.fromEntries(
    Object.entries(parts).map(([name, fn]) => [
      name,
      (args: unknown) =>
        collectChanges(
          () => (fn as (a: unknown) => Promise<unknown>)(args),
          (changes) => announceChangeSet(ctx, changes),
        ).catch((error: unknown) => logFailedCall(log, name, error)),
    ]),
  ) as Api;

  return {
    api,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resolveMedia: (path) =>
      foreground.run(() => resolveMedia(folders, opts.cacheDir, path, opts.dataDir)),
    log,
    async close() {
      await Promise.all(closers.map((c) => c().catch(() => undefined)));
      await folders.close();
      await log.flush();
    },
  };
}

export { ApiError };
