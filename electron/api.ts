/**
 * THE contract between every front (Electron IPC, local HTTP, CLI) and the core.
 *
 * A method is declared once here, with a schema for its arguments and its result.
 * The core implements `Api`; the fronts are generic over `contract`, so adding a
 * method means editing this file and the core, nothing else.
 *
 * No Electron import here (lint-enforced): the renderer imports types from this file,
 * and the CLI and browser mode run it in plain Node.
 */
import { z } from 'zod';

const nfc = z.string().transform((s) => s.normalize('NFC'));
const folderPath = z.string().min(1).max(4096);
const fileName = z.string().min(1).max(1024);

export const gpsSchema = z.object({ lat: z.number(), lon: z.number() }).nullable();

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
  caption: z.string().nullable(),
  byline: z.string().nullable(),
  rating: z.number().nullable(),
  gps: gpsSchema,
  bytes: z.number(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  /** Where the caption came from: sidecar, xmp, iptc, exif. */
  captionSource: z.string().nullable(),
  /** A placeholder the camera or a buggy tool wrote, kept so the info panel can show it. */
  captionPlaceholder: z.string().nullable(),
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

export const detailsSchema = z.object({
  file: z.string(),
  path: z.string(),
  bytes: z.number(),
  modifiedAt: z.string(),
  format: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  capturedAt: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  lens: z.string().nullable(),
  exposureTime: z.number().nullable(),
  fNumber: z.number().nullable(),
  iso: z.number().nullable(),
  focalLength: z.number().nullable(),
  caption: z.string().nullable(),
  captionSource: z.string().nullable(),
  captionPlaceholder: z.string().nullable(),
  byline: z.string().nullable(),
  gps: gpsSchema,
  sidecar: z.string().nullable(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type Details = z.infer<typeof detailsSchema>;

export const thumbnailReportSchema = z.object({
  built: z.number(),
  cached: z.number(),
  failed: z.array(z.object({ file: z.string(), error: z.string() })),
});

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

export const contract = {
  openFolder: method(
    z.object({ path: folderPath }),
    z.object({ folder: folderSchema, photos: z.array(tileSchema) }),
    'Open an event folder: it becomes servable, watched, and its photos are listed.',
  ),
  openSample: method(
    z.object({}),
    z.object({ folder: folderSchema, photos: z.array(tileSchema) }),
    'Open a working copy of the sample event shipped with the app.',
  ),
  listPhotos: method(
    z.object({ folder: folderPath }),
    z.array(tileSchema),
    'List the photos of an open folder, sorted by file name.',
  ),
  scan: method(
    z.object({ folder: folderPath }),
    z.array(photoSchema),
    'Read every photo of a folder (not recursive) without opening it in the UI.',
  ),
  photoDetails: method(
    z.object({ folder: folderPath, file: fileName }),
    detailsSchema,
    'Everything the information panel shows about one photo.',
  ),
  setCaption: method(
    z.object({ folder: folderPath, file: fileName, text: nfc.pipe(z.string().max(20000)) }),
    photoSchema,
    "Save a photo's caption to its sidecar, atomically. The original is never touched.",
  ),
  buildThumbnails: method(
    z.object({ folder: folderPath }),
    thumbnailReportSchema,
    'Build the cached thumbnails of a folder in the background, with progress events.',
  ),
  appInfo: method(
    z.object({}),
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'web', 'cli']),
      startFolder: z.string().nullable(),
    }),
    'Version, front, and the folder given on the command line, if any.',
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** What the core implements. */
export type Api = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> };

/** What a front hands the renderer: the same methods, arguments not yet validated. */
export type ClientApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

export const methodNames = Object.keys(contract) as MethodName[];

/** Events reach the renderer the same way on every transport. */
export type ApiEvent =
  | { type: 'progress'; job: string; folder: string; done: number; total: number; label: string }
  | { type: 'thumbnailReady'; folder: string; file: string; thumb: string }
  | { type: 'folderChanged'; folder: string; files: string[] };

/** An error the user should read: it names the file and the cause. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid-args' | 'not-found' | 'forbidden' | 'io' | 'unknown-method' = 'io',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Media paths are relative URLs the renderer prefixes with its transport's origin
 * (`app://media/…` in Electron, `/media/…` in browser mode). Both fronts resolve them
 * through the core, which serves only files under folders that were opened.
 */
export function mediaPath(
  kind: 'thumb' | 'preview' | 'full',
  folderKey: string,
  file: string,
  version = '',
): string {
  const v = version ? `?v=${encodeURIComponent(version)}` : '';
  return `media/${kind}/${folderKey}/${encodeURIComponent(file)}${v}`;
}
