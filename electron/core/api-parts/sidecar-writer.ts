import { rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiError, errorInfo, type ErrorInfo } from '../../contract/api';
import { planSidecar, type PlannedSidecar } from '../metadata/sidecar';
import { captionChanges } from '../metadata/sidecar-changes';
import type { XmpChange } from '../metadata/xmp-write';
import { xmpFields } from '../metadata/xmp-read';
import { syncDir, tempPathFor, writeFileAtomic, writeSynced } from '../fs/atomic-write';
import { withFolderWriteLock } from '../fs/folder-write-lock';
import type { OpenFolder } from '../folders/folder-registry';
import { derive, type IndexedPhoto } from '../folders/photo-index';
import { noteChanged } from '../folders/change-batch';
import type { CoreContext } from './core-context';
import { announcePhotos } from './photo-events';
import { KeyedLocks } from '../util/keyed-locks';
import { mapPool } from '../util/collections';

/**
 * One lock per sidecar for the whole process: the renderer, a second browser tab and
 * the CLI's `call` all reach sidecars through here, so their writes never interleave.
 */
const sidecarLocks = new KeyedLocks();

const lockKey = (f: OpenFolder, file: string) => `${f.info.stateDir}\0${file}`;

/** Hold every key's lock (in sorted order, so two batches cannot deadlock) while `work` runs. */
function withLocks<T>(keys: string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const hold = (i: number): Promise<T> =>
    i === sorted.length ? work() : sidecarLocks.run(sorted[i]!, () => hold(i + 1));
  return hold(0);
}

/** The changed photo goes into the running call's event, or out on its own. */
function announce(ctx: CoreContext, f: OpenFolder, p: IndexedPhoto): void {
  if (!noteChanged(f.info.path, p.entry.file)) void announcePhotos(ctx, f, [p]);
}

/**
 * Every sidecar change goes through here: atomic write under the photo's lock, our own
 * write hidden from the watcher, the photo re-derived, its rendered caption kept in step
 * with the fields its {variables} use, and the change announced.
 */
export async function changeSidecar(
  ctx: CoreContext,
  f: OpenFolder,
  file: string,
  changes: XmpChange[],
): Promise<IndexedPhoto> {
  const p = ctx.folders.photo(f, file);
  // A sidecar write is read-modify-write: two at once (rating and label from two
  // keystrokes, say) would each start from the old file and one would be lost.
  // The folder's lock keeps another process (the CLI) out between our read and rename.
  const next = await sidecarLocks.run(lockKey(f, p.entry.file), () =>
    withFolderWriteLock(f.info.stateDir, async () => {
      const naming = (await ctx.settings.get()).sidecarNaming;
      try {
        const plan = await planSidecar(f.info.stateDir, p.entry.file, changes, {
          naming,
          paired: !!p.entry.pairedWith,
        });
        f.watcher?.ignoreOwnWrite(plan.path);
        await writeFileAtomic(plan.path, plan.packet);
      } catch (err) {
        const info = sidecarErrorInfo(err, p.entry.file);
        throw new ApiError(
          `Could not save the metadata of ${p.entry.file}: ${(err as Error).message}`,
          info.code,
          info.params as never,
        );
      }
      return ctx.folders.reindexOne(f, p.entry.file);
    }),
  );
  announce(ctx, f, next);
  return syncRenderedCaption(ctx, f, next);
}

/** A full disk or a refused write keeps its code; anything else means the sidecar is damaged. */
function sidecarErrorInfo(err: unknown, file: string): ErrorInfo {
  return errorInfo(err, file, { code: 'sidecar-damaged', params: { file } });
}

/** Where the batch writer touches the disk; tests replace `writeTemp` to fail mid-batch. */
export const sidecarBatchIo = {
  writeTemp: writeSynced,
};

/**
 * Change many sidecars as one step: every new text is computed first, each written to a
 * temp file and fsynced, and only then are they all renamed into place. A failure before
 * the renames deletes the temps and changes nothing; a failure during them (rare: the
 * files are in one directory) puts back the texts already replaced. Every sidecar's lock
 * is held throughout, so no other write slips in between.
 */
export async function changeSidecars(
  ctx: CoreContext,
  f: OpenFolder,
  items: { file: string; changes: XmpChange[] }[],
): Promise<IndexedPhoto[]> {
  // The same photo twice in one batch: its changes apply in order to one new text.
  const merged = new Map<string, XmpChange[]>();
  for (const it of items) {
    const file = ctx.folders.photo(f, it.file).entry.file;
    merged.set(file, [...(merged.get(file) ?? []), ...it.changes]);
  }
  const files = [...merged.keys()];
  const written = await withLocks(
    files.map((file) => lockKey(f, file)),
    () =>
      withFolderWriteLock(f.info.stateDir, async () => {
        const naming = (await ctx.settings.get()).sidecarNaming;
        const plans = await mapPool(files, 16, async (file) => {
          const p = ctx.folders.photo(f, file);
          try {
            return await planSidecar(f.info.stateDir, file, merged.get(file)!, {
              naming,
              paired: !!p.entry.pairedWith,
            });
          } catch (err) {
            const info = sidecarErrorInfo(err, file);
            throw new ApiError(
              `Could not read the metadata of ${file}: ${(err as Error).message}`,
              info.code,
              info.params as never,
            );
          }
        });
        for (const plan of plans) f.watcher?.ignoreOwnWrite(plan.path);
        await writeAll(files, plans);
        return plans;
      }),
  );
  const out: IndexedPhoto[] = [];
  for (const [i, file] of files.entries()) {
    const plan = written[i]!;
    // We know what the sidecar holds now: no need to read it back.
    const p = ctx.folders.photo(f, file);
    // Its time is unknown here (-1): a later full compare reads it once more, nothing worse.
    const sidecar = {
      path: plan.path,
      fields: xmpFields(plan.packet),
      bytes: Buffer.byteLength(plan.packet),
      mtimeMs: -1,
    };
    const next = derive(p.entry, p.path, p.read, sidecar, f.event, ctx.folders.seqn(f, file));
    f.photos.set(file, next);
    announce(ctx, f, next);
    out.push(await syncRenderedCaption(ctx, f, next));
  }
  return out;
}

async function writeAll(files: string[], plans: PlannedSidecar[]): Promise<void> {
  const temps = plans.map((p) => tempPathFor(p.path));
  const failures: string[] = [];
  // Set inside the pool's callbacks, which control flow analysis does not follow.
  let first = null as ErrorInfo | null;
  await mapPool(plans, 16, async (plan, i) => {
    try {
      await sidecarBatchIo.writeTemp(temps[i]!, plan.packet);
    } catch (err) {
      failures.push(`${files[i]}: ${(err as Error).message}`);
      first ??= sidecarErrorInfo(err, files[i]!);
    }
  });
  if (failures.length) {
    await Promise.all(temps.map((t) => unlink(t).catch(() => undefined)));
    throw new ApiError(
      `Nothing was changed: the metadata of ${failures.length} photo(s) could not be written.\n${failures.join('\n')}`,
      first?.code,
      first?.params as never,
    );
  }
  let done = 0;
  try {
    for (; done < plans.length; done++) await rename(temps[done]!, plans[done]!.path);
  } catch (err) {
    await Promise.all(temps.slice(done).map((t) => unlink(t).catch(() => undefined)));
    // Put back what the batch already replaced, so the batch stays all-or-nothing.
    for (const plan of plans.slice(0, done)) {
      if (plan.before === null) await unlink(plan.path).catch(() => undefined);
      else await writeFileAtomic(plan.path, plan.before).catch(() => undefined);
    }
    const info = sidecarErrorInfo(err, files[done]!);
    throw new ApiError(
      `Nothing was changed: ${files[done]}: ${(err as Error).message}`,
      info.code,
      info.params as never,
    );
  }
  for (const dir of new Set(plans.map((p) => dirname(p.path)))) await syncDir(dir);
}

/** Rewrite dc:description when the text its variables render to has changed. */
export async function syncRenderedCaption(
  ctx: CoreContext,
  f: OpenFolder,
  p: IndexedPhoto,
): Promise<IndexedPhoto> {
  const s = p.sidecar?.fields;
  if (!s || s.captionTemplate === undefined) return p;
  const consistent = (s.caption ?? '') === (s.captionRendered ?? '');
  if (!consistent || (p.caption.rendered ?? '') === (s.captionRendered ?? '')) return p;
  return changeSidecar(
    ctx,
    f,
    p.entry.file,
    captionChanges(p.caption.own ?? '', p.caption.rendered),
  );
}
