import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventSettings, Photo } from '../../contract/api';
import { emptyRead, readPhoto, type PhotoRead } from '../metadata/read-photo';
import { formatFromName } from '../formats/detect';
import { mergedValue, mergeView, type MergedView } from '../metadata/merge';
import { budgetOf, FIELDS, type FieldKey } from '../../../common/fields/catalog';
import { budget, type BudgetField } from '../../../common/text/byte-budget';
import { readSidecar, type SidecarRead } from '../metadata/sidecar';
import {
  composeCaption,
  ownCaption,
  variableContext,
  type ComposedCaption,
} from '../captioning/compose-caption';
import { checkCaption } from '../../../common/captioning/checks';
import { FIELD_VARIABLES } from '../../../common/captioning/variables';
import { listNames, listPhotoFiles, type FolderEntry } from './list-photos';
import { mapPool } from '../util/collections';

/** Fields with a budget, checked on every photo (the caption is checked on its own, lists item by item). */
const BUDGET_FIELDS = FIELDS.filter(
  (f) => f.key !== 'caption' && f.kind !== 'list' && budgetOf(f) !== null,
).map((f) => f.key as BudgetField);

/** The variables of the places a caption should name one of. */
const PLACES = FIELD_VARIABLES.filter((v) => v.place).map((v) => v.name);

/** A listed photo's fields from the merged view: a by-line as its first name. */
function photoFields(merged: MergedView) {
  return Object.fromEntries(
    FIELDS.filter((f) => f.key !== 'caption').map((f) => {
      const value = mergedValue(merged, f.key);
      return [f.key, 'photoValue' in f && Array.isArray(value) ? (value[0] ?? null) : value];
    }),
  ) as Pick<Photo, Exclude<FieldKey, 'caption'>>;
}

export type SidecarView = Pick<SidecarRead, 'path' | 'fields' | 'bytes' | 'mtimeMs' | 'refused'>;

export interface IndexedPhoto {
  entry: FolderEntry;
  path: string;
  read: PhotoRead;
  /** What the sidecar says (its text is not kept: a write reads it afresh). */
  sidecar: SidecarView | null;
  merged: MergedView;
  caption: ComposedCaption;
  photo: Photo;
  /** Listed but not read yet: a large folder is read in the background after it opens. */
  pending?: boolean;
}

/** Everything about one photo, computed from what was read: no I/O here. */
export function derive(
  entry: FolderEntry,
  path: string,
  read: PhotoRead,
  sidecar: SidecarView | null,
  event: EventSettings,
  seqn: number,
): IndexedPhoto {
  const merged = mergeView(read, sidecar?.fields ?? null);
  const ctx = variableContext(merged, event, entry.file, read.capturedAt, seqn);
  const caption = composeCaption(
    ownCaption(merged, sidecar?.fields ?? null),
    merged.eventLinked,
    event,
    ctx,
  );
  const t = merged.text;
  const issues = checkCaption(caption.rendered ?? '', {
    capturedAt: read.capturedAt,
    places: PLACES.map((name) => ctx[name]),
    fields: {
      ...Object.fromEntries(BUDGET_FIELDS.map((f) => [f, t[f as keyof typeof t]])),
      byline: merged.byline.find((b) => budget('byline', b).over),
    },
  });
  const refusal = sidecar?.refused && `${sidecar.refused}; its fields are ignored`;
  const sources = { ...merged.sources } as Photo['metadataSources'];
  if (caption.rendered && !sources.caption) sources.caption = 'sidecar';
  const photo: Photo = {
    file: entry.file,
    format: read.format,
    width: read.width,
    height: read.height,
    orientation: read.orientation,
    capturedAt: read.capturedAt,
    make: read.make,
    model: read.model,
    serial: read.serial,
    caption: caption.rendered,
    captionOwn: caption.own,
    ...photoFields(merged),
    rating: merged.rating,
    label: merged.label,
    colorClass: merged.colorClass,
    pick: merged.pick,
    eventLinked: merged.eventLinked,
    gps: read.gps,
    bytes: read.bytes,
    error: read.error,
    errorCode: read.errorInfo?.code ?? null,
    ...(read.errorInfo ? { errorParams: read.errorInfo.params } : {}),
    // A refused sidecar is said beside the image's own notices; the photo still lists.
    warnings: refusal ? [...read.warnings, refusal] : read.warnings,
    notices: refusal ? [...read.notices, { code: 'xmpRefused', detail: refusal }] : read.notices,
    captionSource: caption.rendered ? (merged.sources.caption ?? 'sidecar') : null,
    captionPlaceholder: merged.captionPlaceholder,
    metadataSources: sources,
    conflicts: merged.conflicts as Photo['conflicts'],
    pairedWith: entry.pairedWith?.file ?? null,
    credentials: read.credentials ?? false,
    issues,
  };
  // Only path and fields are kept: 10,000 photos must not hold 10,000 XMP texts.
  const kept = sidecar && {
    path: sidecar.path,
    fields: sidecar.fields,
    bytes: sidecar.bytes,
    mtimeMs: sidecar.mtimeMs,
    ...(sidecar.refused ? { refused: sidecar.refused } : {}),
  };
  return { entry, path, read, sidecar: kept, merged, caption, photo };
}

export interface IndexOptions {
  /** What was read of this file before (index cache, last index): reused if size and mtime match. */
  previous?: PhotoRead | null;
  /** The state folder's names, listed once, so absent sidecars cost no failed reads. */
  sidecarNames?: ReadonlySet<string>;
  /** Called for each header actually read (tests and the benchmark count them). */
  onHeaderRead?: (file: string) => void;
}

/** Stat the file and read its headers only when it is new or its size or time changed. */
export async function readOrReuse(
  path: string,
  file: string,
  opts: IndexOptions = {},
): Promise<PhotoRead> {
  const st = await stat(path).catch(() => null);
  const prev = opts.previous;
  if (st && prev && !prev.error && prev.bytes === st.size && prev.mtimeMs === st.mtimeMs)
    return prev;
  opts.onHeaderRead?.(file);
  return readPhoto(path, file, st ? { size: st.size, mtimeMs: st.mtimeMs } : undefined);
}

export async function indexPhoto(
  folder: string,
  stateDir: string,
  entry: FolderEntry,
  event: EventSettings,
  seqn: number,
  opts: IndexOptions = {},
): Promise<IndexedPhoto> {
  const path = join(folder, entry.diskName);
  const [read, sidecar] = await Promise.all([
    readOrReuse(path, entry.file, opts),
    readSidecar(stateDir, entry.file, !!entry.pairedWith, opts.sidecarNames).catch(() => null),
  ]);
  return derive(entry, path, read, sidecar, event, seqn);
}

/** One derived placeholder per event and format: 10,000 placeholders cost 10,000 spreads. */
const placeholders = new WeakMap<EventSettings, Map<string, IndexedPhoto>>();

/** A listed photo whose headers are not read yet: its name and format, nothing else. */
export function pendingPhoto(
  folder: string,
  entry: FolderEntry,
  event: EventSettings,
  seqn: number,
): IndexedPhoto {
  const format = formatFromName(entry.file) ?? 'unknown';
  let byFormat = placeholders.get(event);
  if (!byFormat) placeholders.set(event, (byFormat = new Map()));
  let model = byFormat.get(format);
  if (!model) {
    const p = derive(entry, '', emptyRead(format, 0, 0), null, event, seqn);
    // No caption checks on a photo not read yet: "empty caption" would be a false alarm.
    model = { ...p, photo: { ...p.photo, issues: [] }, pending: true };
    byFormat.set(format, model);
  }
  const photo = { ...model.photo, file: entry.file, pairedWith: entry.pairedWith?.file ?? null };
  return { ...model, entry, path: join(folder, entry.diskName), photo };
}

/** Read every photo of a folder; headers only, a few files in flight to hide I/O latency. */
export async function indexFolder(
  folder: string,
  stateDir: string,
  event: EventSettings,
): Promise<IndexedPhoto[]> {
  const [entries, sidecarNames] = await Promise.all([listPhotoFiles(folder), listNames(stateDir)]);
  return mapPool(entries, 8, (e, i) =>
    indexPhoto(folder, stateDir, e, event, i + 1, { sidecarNames }),
  );
}
