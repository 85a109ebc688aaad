import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sidecarCandidates } from '../metadata/sidecar';
import type { PhotoRead } from '../metadata/read-photo';
import { mapPool } from '../util/collections';
import { listNames, listPhotoFiles, type FolderEntry } from './list-photos';
import type { FolderChange, OpenFolder } from './open-folder';
import { indexPhoto, type IndexedPhoto, type IndexOptions } from './photo-index';
import { touchedFiles } from './touched-files';

/** Headers read at once: enough to hide disk latency, few enough to keep the event loop free. */
export const IN_FLIGHT = 8;

export type ReadOptions = (
  previous?: PhotoRead | null,
  sidecarNames?: ReadonlySet<string>,
) => IndexOptions;

/** The photos read again after a change on disk, not yet put into the folder. */
export interface DiskReads {
  entries: FolderEntry[];
  toRead: { entry: FolderEntry; old: IndexedPhoto | undefined }[];
  read: IndexedPhoto[];
  removed: string[];
}

/**
 * List the folder again and read the photos a change on disk concerns. `names` are the
 * file names the watcher reported: only the photos they concern are looked at (a sidecar
 * maps to its photo, a RAW to its JPEG), and only the ones whose size or mtime changed are
 * re-read. Null names (the OS did not say, or a full re-list was asked) stats every photo.
 * Null when the folder is gone or unreadable: the grid keeps what it shows.
 */
export async function readDiskChanges(
  f: OpenFolder,
  names: string[] | null,
  readOptions: ReadOptions,
): Promise<DiskReads | null> {
  const [entries, sidecarNames] = await Promise.all([
    listPhotoFiles(f.info.path).catch(() => null),
    listNames(f.info.stateDir),
  ]);
  if (!entries) return null;
  const touched = names
    ? touchedFiles(entries, names)
    : await statChanged(f, entries, sidecarNames);
  const before = f.photos;
  const toRead: DiskReads['toRead'] = [];
  for (const entry of entries) {
    const old = before.get(entry.file);
    const samePair = old && old.entry.pairedWith?.file === entry.pairedWith?.file;
    if (!old || !samePair || touched.has(entry.file)) toRead.push({ entry, old });
  }
  const listed = new Set(entries.map((e) => e.file));
  const removed = [...before.keys()].filter((file) => !listed.has(file));
  const read = await mapPool(toRead, IN_FLIGHT, ({ entry, old }) =>
    indexPhoto(
      f.info.path,
      f.info.stateDir,
      entry,
      f.event,
      0,
      readOptions(old && !old.pending ? old.read : null, sidecarNames),
    ),
  );
  return { entries, toRead, read, removed };
}

/**
 * Put what was read into the folder, in listing order (synchronously, so no save slips in
 * between). Null when nothing changed.
 */
export function mergeDiskReads(f: OpenFolder, reads: DiskReads): FolderChange | null {
  const { entries, toRead, read, removed } = reads;
  const changed: IndexedPhoto[] = [];
  const added: string[] = [];
  const fresh = new Map<string, IndexedPhoto>();
  read.forEach((p, i) => {
    const old = toRead[i]!.old;
    // Saved by us while this read was under way: ours is newer.
    if (old && f.photos.get(p.entry.file) !== old) return;
    fresh.set(p.entry.file, p);
    if (!old) added.push(p.entry.file);
    // A new read (not the old one reused) changes the tile's thumbnail key even when
    // the metadata are the same.
    const reread = !old || old.pending || old.read !== p.read;
    if (reread || JSON.stringify(old.photo) !== JSON.stringify(p.photo)) changed.push(p);
  });
  if (!changed.length && !removed.length) return null;
  const next = new Map<string, IndexedPhoto>();
  for (const e of entries) {
    const p = fresh.get(e.file) ?? f.photos.get(e.file);
    if (p) next.set(e.file, p);
  }
  f.photos = next;
  return { photos: changed, removed, added };
}

/**
 * With no names to go by, the photos whose file or sidecar differs in size or time
 * from what was read (readdir + stat; nothing is read). Photos still waiting for the
 * background read are left to it.
 */
async function statChanged(
  f: OpenFolder,
  entries: FolderEntry[],
  sidecarNames: ReadonlySet<string> | undefined,
): Promise<Set<string>> {
  const differs = async (path: string, bytes: number, mtimeMs: number) => {
    const st = await stat(path).catch(() => null);
    return !st || st.size !== bytes || st.mtimeMs !== mtimeMs;
  };
  const changed = await mapPool(entries, 32, async (e) => {
    const old = f.photos.get(e.file);
    if (!old || old.pending) return false;
    if (await differs(old.path, old.read.bytes, old.read.mtimeMs)) return true;
    const present = sidecarCandidates(f.info.stateDir, e.file, !!e.pairedWith).find(
      (p) => !sidecarNames || sidecarNames.has(basename(p)),
    );
    if ((present ?? null) !== (old.sidecar?.path ?? null)) return true;
    return (
      !!old.sidecar && (await differs(old.sidecar.path, old.sidecar.bytes, old.sidecar.mtimeMs))
    );
  });
  return new Set(entries.filter((_, i) => changed[i]).map((e) => e.file));
}
