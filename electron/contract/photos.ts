/** Photos and folders: what opening, listing and scanning return. */
import { z } from 'zod';

import { fileName, folderPath, inFolder, method, reads } from './kit';
import { photoFieldsShape } from './field-schemas';
import { codedFailureFields, errorCodeSchema, errorParamsSchema } from './errors';

export const gpsSchema = z.object({ lat: z.number(), lon: z.number() }).nullable();

const sourceEnum = z.enum(['sidecar', 'xmp', 'iptc', 'exif']);

export const captionIssueSchema = z.object({
  code: z.enum([
    'empty',
    'noPlaceOrDate',
    'dateMismatch',
    'doubleSpace',
    'noFinalStop',
    'overBudget',
    'unresolvedVariable',
    'legacyEncoding',
  ]),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CaptionIssueWire = z.infer<typeof captionIssueSchema>;

/** One photo as `scan` reports it. Field names are part of the CLI's JSON output. */
export const photoSchema = z.object({
  file: z.string(),
  format: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  orientation: z.number().nullable(),
  capturedAt: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  /** The camera body's serial number (EXIF BodySerialNumber), or null. */
  serial: z.string().nullable(),
  /** The caption as it goes into files: variables rendered, the event's shared caption joined. */
  caption: z.string().nullable(),
  /** The photo's own text as typed, {variables} kept: what the caption editor edits. */
  captionOwn: z.string().nullable(),
  ...photoFieldsShape,
  rating: z.number().nullable(),
  label: z.string().nullable(),
  colorClass: z.number().nullable(),
  pick: z.boolean().nullable(),
  /** True when the event template's shared caption and fields apply to this photo. */
  eventLinked: z.boolean(),
  gps: gpsSchema,
  bytes: z.number(),
  error: z.string().nullable(),
  /** `error` as a code and params, for the UI to say in the reader's language. */
  errorCode: errorCodeSchema.nullable().optional(),
  errorParams: errorParamsSchema.optional(),
  /** In English, for the CLI and logs; `notices` carries the same as codes for the UI. */
  warnings: z.array(z.string()),
  notices: z.array(
    z.object({
      code: z.enum([
        'strayBytes',
        'truncated',
        'cmyk',
        'exifUnreadable',
        'noRawMetadata',
        'heicNoPreview',
        'xmpRefused',
      ]),
      detail: z.string(),
    }),
  ),
  /** Where the caption came from: sidecar, xmp, iptc, exif. */
  captionSource: sourceEnum.nullable(),
  /** A placeholder the camera or a buggy tool wrote, kept so the info panel can show it. */
  captionPlaceholder: z.string().nullable(),
  /** For each field that has a value, the block it was read from. */
  metadataSources: z.record(z.string(), sourceEnum),
  /** Fields whose embedded blocks disagree (XMP vs IIM vs EXIF), with each block's value. */
  conflicts: z.array(z.object({ field: z.string(), values: z.record(z.string(), z.string()) })),
  /** The RAW of a RAW+JPEG pair shown as this one photo. */
  pairedWith: z.string().nullable(),
  /** Carries C2PA Content Credentials; whether they hold is `credentials`' answer. */
  credentials: z.boolean(),
  /** Caption checks (empty, no place or date, …). */
  issues: z.array(captionIssueSchema),
});
export type Photo = z.infer<typeof photoSchema>;

/** What the grid needs on top of the scan: where to fetch a picture now. */
export const tileSchema = photoSchema.extend({
  /** Media path (see `mediaPath`) of the best thumbnail available right now. */
  thumb: z.string().nullable(),
  /** True when `thumb` is the camera's embedded preview, stored unrotated. */
  thumbNeedsRotation: z.boolean(),
  /** Media path of the full-size image the browser can display, or null. */
  full: z.string().nullable(),
  /**
   * True while the photo is listed but its headers are not read yet (a large folder
   * opening): only `file` and `format` mean anything; a photosChanged event follows.
   */
  pending: z.boolean().optional(),
});
export type Tile = z.infer<typeof tileSchema>;

export const folderSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** Where the reporter's work (sidecars) is kept for this folder. */
  stateDir: z.string(),
  /** False when the folder cannot be written (a card, a read-only share). */
  writable: z.boolean(),
  isSample: z.boolean(),
});
export type Folder = z.infer<typeof folderSchema>;

export const detailsSchema = photoSchema.extend({
  path: z.string(),
  modifiedAt: z.string(),
  lens: z.string().nullable(),
  exposureTime: z.number().nullable(),
  fNumber: z.number().nullable(),
  iso: z.number().nullable(),
  focalLength: z.number().nullable(),
  sidecar: z.string().nullable(),
});
export type Details = z.infer<typeof detailsSchema>;

export const thumbnailReportSchema = z.object({
  built: z.number(),
  cached: z.number(),
  failed: z.array(z.object({ file: z.string(), error: z.string(), ...codedFailureFields })),
});

export const photosContract = {
  openFolder: method(
    z.object({ path: folderPath }),
    z.object({ folder: folderSchema, photos: z.array(tileSchema) }),
    'Open an event folder: it becomes servable, watched, and its photos are listed.',
    reads,
  ),
  openSample: method(
    z.object({}),
    z.object({ folder: folderSchema, photos: z.array(tileSchema) }),
    'Open a working copy of the sample event shipped with the app.',
    { writes: 'sample' },
  ),
  listPhotos: method(
    z.object({ folder: folderPath }),
    z.array(tileSchema),
    'List the photos of an open folder, sorted by file name.',
    reads,
  ),
  scan: method(
    z.object({ folder: folderPath }),
    z.array(photoSchema),
    'Read every photo of a folder (not recursive) without opening it in the UI.',
    reads,
  ),
  photoDetails: method(
    z.object({ folder: folderPath, file: fileName }),
    detailsSchema,
    'Everything the information panel shows about one photo.',
    reads,
  ),
  buildThumbnails: method(
    z.object({ folder: folderPath }),
    thumbnailReportSchema,
    'Build the cached thumbnails of a folder in the background, with progress events.',
    { writes: 'cache', key: inFolder, queued: false },
  ),
} as const;
