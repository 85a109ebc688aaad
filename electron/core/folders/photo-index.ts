import { join } from 'node:path';
import type { EventSettings, Photo } from '../../api';
import { readPhoto, type PhotoRead } from '../metadata/read-photo';
import { mergeView, type MergedView } from '../metadata/merge';
import { readSidecar, type SidecarRead } from '../metadata/sidecar';
import {
  composeCaption,
  ownCaption,
  variableContext,
  type ComposedCaption,
} from '../captioning/compose-caption';
import { checkCaption } from '../../../common/captioning/checks';
import { listPhotoFiles, type FolderEntry } from './list-photos';
import { mapPool } from '../util/collections';

/** Fields with an IIM byte budget, checked on every photo (the caption is checked on its own). */
const BUDGET_FIELDS = [
  'headline',
  'title',
  'credit',
  'source',
  'copyright',
  'city',
  'province',
  'country',
  'countryCode',
  'location',
  'jobId',
  'instructions',
] as const;

export interface IndexedPhoto {
  entry: FolderEntry;
  path: string;
  read: PhotoRead;
  sidecar: SidecarRead | null;
  merged: MergedView;
  caption: ComposedCaption;
  photo: Photo;
}

/** Everything about one photo, computed from what was read: no I/O here. */
export function derive(
  entry: FolderEntry,
  path: string,
  read: PhotoRead,
  sidecar: SidecarRead | null,
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
    places: [ctx.city, ctx.province, ctx.location],
    fields: {
      ...Object.fromEntries(BUDGET_FIELDS.map((f) => [f, t[f]])),
      byline: merged.byline.find((b) => Buffer.byteLength(b) > 32),
    },
  });
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
    byline: merged.byline[0] ?? null,
    headline: t.headline,
    title: t.title,
    credit: t.credit,
    source: t.source,
    copyright: t.copyright,
    city: t.city,
    province: t.province,
    country: t.country,
    countryCode: t.countryCode,
    location: t.location,
    dateCreated: t.dateCreated,
    jobId: t.jobId,
    instructions: t.instructions,
    keywords: merged.keywords,
    rating: merged.rating,
    label: merged.label,
    colorClass: merged.colorClass,
    pick: merged.pick,
    eventLinked: merged.eventLinked,
    gps: read.gps,
    bytes: read.bytes,
    error: read.error,
    warnings: read.warnings,
    notices: read.notices,
    captionSource: caption.rendered ? (merged.sources.caption ?? 'sidecar') : null,
    captionPlaceholder: merged.captionPlaceholder,
    metadataSources: sources,
    conflicts: merged.conflicts as Photo['conflicts'],
    pairedWith: entry.pairedWith?.file ?? null,
    issues,
  };
  return { entry, path, read, sidecar, merged, caption, photo };
}

export async function indexPhoto(
  folder: string,
  stateDir: string,
  entry: FolderEntry,
  event: EventSettings,
  seqn: number,
): Promise<IndexedPhoto> {
  const path = join(folder, entry.diskName);
  const [read, sidecar] = await Promise.all([
    readPhoto(path, entry.file),
    readSidecar(stateDir, entry.file, !!entry.pairedWith).catch(() => null),
  ]);
  return derive(entry, path, read, sidecar, event, seqn);
}

/** Read every photo of a folder; headers only, a few files in flight to hide I/O latency. */
export async function indexFolder(
  folder: string,
  stateDir: string,
  event: EventSettings,
): Promise<IndexedPhoto[]> {
  const entries = await listPhotoFiles(folder);
  return mapPool(entries, 8, (e, i) => indexPhoto(folder, stateDir, e, event, i + 1));
}
