import { ApiError } from '../../api';
import { writeSidecar } from '../metadata/sidecar';
import { captionChanges } from '../metadata/sidecar-changes';
import type { XmpChange } from '../metadata/xmp-write';
import type { OpenFolder } from '../folders/folder-registry';
import type { IndexedPhoto } from '../folders/photo-index';
import type { CoreContext } from './core-context';
import { KeyedLocks } from '../util/keyed-locks';

const sidecarLocks = new KeyedLocks();

/**
 * Every sidecar change goes through here: atomic write, our own write hidden from
 * the watcher, the photo re-read, and its rendered caption kept in step with the
 * fields its {variables} use.
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
  const next = await sidecarLocks.run(`${f.info.stateDir}\0${p.entry.file}`, async () => {
    const naming = (await ctx.settings.get()).sidecarNaming;
    let path: string;
    try {
      path = await writeSidecar(f.info.stateDir, p.entry.file, changes, {
        naming,
        paired: !!p.entry.pairedWith,
      });
    } catch (err) {
      throw new ApiError(
        `Could not save the metadata of ${p.entry.file}: ${(err as Error).message}`,
        'io',
      );
    }
    f.watcher?.ignoreOwnWrite(path);
    return ctx.folders.reindexOne(f, p.entry.file);
  });
  return syncRenderedCaption(ctx, f, next);
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
