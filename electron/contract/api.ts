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

import {
  cullingSchema,
  fileName,
  folderPath,
  method,
  nfc,
  templateSchema,
  text,
  type Template,
} from './kit';
import { cullContract, type PhotoAnalysis } from './cull';
import { ingestContract } from './ingest';

export { cullingSchema, templateSchema, type Template };
import { outboxContract } from './outbox';
import { reviewContract } from './review';

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
  byline: z.string().nullable(),
  headline: z.string().nullable(),
  title: z.string().nullable(),
  credit: z.string().nullable(),
  source: z.string().nullable(),
  copyright: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  country: z.string().nullable(),
  countryCode: z.string().nullable(),
  location: z.string().nullable(),
  dateCreated: z.string().nullable(),
  jobId: z.string().nullable(),
  instructions: z.string().nullable(),
  keywords: z.array(z.string()),
  rating: z.number().nullable(),
  label: z.string().nullable(),
  colorClass: z.number().nullable(),
  pick: z.boolean().nullable(),
  /** True when the event template's shared caption and fields apply to this photo. */
  eventLinked: z.boolean(),
  gps: gpsSchema,
  bytes: z.number(),
  error: z.string().nullable(),
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
  failed: z.array(z.object({ file: z.string(), error: z.string() })),
});

/** Editable metadata, with the same names in the API, the CLI's fields.json and the export writer. */
export const fieldsSchema = z
  .object({
    caption: text(),
    headline: text(),
    title: text(),
    byline: z
      .union([text(500), z.array(text(500))])
      .transform((v) => (Array.isArray(v) ? v : v ? [v] : [])),
    credit: text(),
    source: text(),
    copyright: text(),
    city: text(),
    province: text(),
    country: text(),
    countryCode: text(3),
    location: text(),
    dateCreated: text(40),
    jobId: text(),
    instructions: text(),
    keywords: z.array(text(500)),
  })
  .partial()
  .strict();
export type FieldsInput = z.input<typeof fieldsSchema>;
export type Fields = z.output<typeof fieldsSchema>;

export const eventSchema = z.object({
  template: templateSchema,
  /** Whether a photo's own text comes before or after the shared caption. */
  ownTextPosition: z.enum(['before', 'after']),
  /** Apply the template to photos that arrive in the folder while it is open. */
  autoApply: z.boolean(),
  templateName: z.string().nullable(),
});
export type EventSettings = z.output<typeof eventSchema>;

export const findSpecSchema = z.object({
  find: nfc.pipe(z.string().min(1).max(2000)),
  replace: nfc.pipe(z.string().max(20000)),
  regex: z.boolean(),
  caseSensitive: z.boolean(),
});

export const codeEntrySchema = z.object({ code: z.string(), columns: z.array(z.string()) });
const templateName = nfc.pipe(
  z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]+$/u, 'no control characters'),
);

export const settingsSchema = z.object({
  /** `name.xmp` (Adobe, Photo Mechanic) or `name.ext.xmp` (darktable, digiKam). */
  sidecarNaming: z.enum(['base', 'withExtension']),
});
export type Settings = z.output<typeof settingsSchema>;

/** An article body block. Photos are referred to by their source file name in the folder. */
export const articleBlockSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string().min(1).max(40), type: z.literal('paragraph'), text: text(100000) }),
  z.object({ id: z.string().min(1).max(40), type: z.literal('photo'), file: fileName }),
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal('gallery'),
    files: z.array(fileName).min(1),
    caption: text(),
  }),
]);
export type ArticleBlock = z.output<typeof articleBlockSchema>;

export const articleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  headline: text(1000),
  sapo: text(5000),
  byline: text(200),
  authorInitials: text(20),
  category: text(200),
  dateline: z.object({ place: text(200), date: text(40) }),
  body: z.array(articleBlockSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.output<typeof articleSchema>;

export const presetSchema = z.object({
  name: nfc.pipe(z.string().min(1).max(100)),
  longEdge: z.number().int().min(200).max(12000),
  quality: z.number().int().min(40).max(100),
  stripGps: z.boolean(),
  /** House naming pattern: {outlet}, {initials}, {fbas}, {seqn}, {date}. */
  naming: z.string().min(1).max(200),
  outlet: text(60),
  initials: text(20),
  maxNameLength: z.number().int().min(16).max(200),
});
export type Preset = z.output<typeof presetSchema>;

export const articleIssueSchema = z.object({
  code: z.enum([
    'noHeadline',
    'noSapo',
    'noByline',
    'noPhotos',
    'photoWithoutCaption',
    'captionOverBudget',
    'noCredit',
    'missingPhoto',
    'emptyGalleryCaption',
  ]),
  blockId: z.string().nullable(),
  file: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ArticleIssue = z.output<typeof articleIssueSchema>;

export const packageResultSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  photos: z.array(
    z.object({
      source: z.string(),
      file: z.string(),
      width: z.number(),
      height: z.number(),
      bytes: z.number(),
    }),
  ),
  truncated: z.array(z.object({ file: z.string(), field: z.string(), limitBytes: z.number() })),
});

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ file: z.string().nullable(), message: z.string() })),
  /** What could not be checked, e.g. the previous version not beside the package; absent when none. */
  notes: z.array(z.string()).optional(),
});

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
    z.object({
      folder: folderPath,
      file: fileName,
      text: text(),
      /** The caption the editor started from: if the sidecar now holds another, nothing is overwritten. */
      expected: nfc.nullable().optional(),
    }),
    photoSchema,
    "Save a photo's own caption text to its sidecar, atomically. The original is never touched.",
  ),
  setFields: method(
    z.object({
      folder: folderPath,
      files: z.array(fileName).min(1),
      fields: fieldsSchema.default({}),
      culling: cullingSchema.default({}),
    }),
    z.array(photoSchema),
    'Set metadata fields and culling state (rating, label, colour class, pick) on photos.',
  ),
  setCulling: method(
    z.object({
      folder: folderPath,
      changes: z
        .array(z.object({ file: fileName, culling: cullingSchema }))
        .min(1)
        .max(100000),
    }),
    z.array(photoSchema),
    'Set culling marks on many photos in one atomic step: every sidecar is written, or none. Undo sends the previous marks back the same way.',
  ),
  getEvent: method(
    z.object({ folder: folderPath }),
    eventSchema,
    "The folder's event template and settings.",
  ),
  saveEvent: method(
    z.object({ folder: folderPath, event: eventSchema }),
    z.object({ event: eventSchema, updated: z.array(z.string()) }),
    'Save the event template; captions using its {variables} and linked photos follow.',
  ),
  applyTemplate: method(
    z.object({ folder: folderPath, files: z.array(fileName).nullable() }),
    z.object({
      applied: z.array(z.string()),
      failed: z.array(z.object({ file: z.string(), error: z.string() })),
    }),
    'Apply the event template to the given photos, or to all (files: null).',
  ),
  listTemplates: method(z.object({}), z.array(z.string()), 'Names of the saved templates.'),
  saveTemplate: method(
    z.object({ name: templateName, template: templateSchema }),
    z.object({ name: z.string() }),
    'Save a template by name.',
  ),
  loadTemplate: method(z.object({ name: templateName }), templateSchema, 'Load a saved template.'),
  deleteTemplate: method(
    z.object({ name: templateName }),
    z.object({ name: z.string() }),
    'Delete a saved template.',
  ),
  codeReplacements: method(
    z.object({}),
    z.object({
      lists: z.array(z.object({ name: z.string(), count: z.number() })),
      entries: z.array(codeEntrySchema),
    }),
    'The loaded code replacement lists, and their merged entries (last loaded wins).',
  ),
  importCodeList: method(
    z.object({ name: templateName, text: z.string().max(5_000_000) }),
    z.object({
      name: z.string(),
      count: z.number(),
      skipped: z.array(z.object({ line: z.number(), text: z.string() })),
    }),
    "Load a code replacement list in Photo Mechanic's format (it becomes the last loaded).",
  ),
  exportCodeList: method(
    z.object({ name: templateName }),
    z.object({ text: z.string() }),
    "A list in Photo Mechanic's format.",
  ),
  removeCodeList: method(
    z.object({ name: templateName }),
    z.object({ name: z.string() }),
    'Unload a code replacement list.',
  ),
  findReplace: method(
    z.object({
      folder: folderPath,
      spec: findSpecSchema,
      apply: z.boolean(),
      files: z.array(fileName).optional(),
    }),
    z.object({
      changes: z.array(
        z.object({ file: z.string(), before: z.string(), after: z.string(), count: z.number() }),
      ),
      applied: z.boolean(),
    }),
    "Find and replace across the photos' own caption text: a preview, or (apply) the change.",
  ),
  getSettings: method(z.object({}), settingsSchema, 'App settings.'),
  saveSettings: method(
    z.object({ settings: settingsSchema }),
    settingsSchema,
    'Save app settings.',
  ),
  embed: method(
    z.object({ input: z.string().min(1), output: z.string().min(1), fields: fieldsSchema }),
    z.object({
      output: z.string(),
      truncated: z.array(
        z.object({
          field: z.string(),
          dataset: z.string(),
          limitBytes: z.number(),
          originalBytes: z.number(),
          keptBytes: z.number(),
        }),
      ),
    }),
    'Write metadata into a copy of a JPEG without re-encoding it (CLI only).',
  ),
  listArticles: method(
    z.object({ folder: folderPath }),
    z.array(
      z.object({ id: z.string(), headline: z.string(), updatedAt: z.string(), blocks: z.number() }),
    ),
    "The folder's articles.",
  ),
  createArticle: method(
    z.object({ folder: folderPath, headline: text(1000).optional() }),
    articleSchema,
    'Start a new article in the folder.',
  ),
  getArticle: method(
    z.object({ folder: folderPath, id: z.string() }),
    articleSchema,
    'One article.',
  ),
  saveArticle: method(
    z.object({ folder: folderPath, article: articleSchema }),
    articleSchema,
    'Save an article with its folder, atomically.',
  ),
  deleteArticle: method(
    z.object({ folder: folderPath, id: z.string() }),
    z.object({ id: z.string() }),
    'Delete an article.',
  ),
  importArticle: method(
    z.object({ folder: folderPath, structure: z.unknown() }),
    articleSchema,
    'Create an article from JSON in the shape of structure.json; photo captions go to the photos.',
  ),
  articleChecks: method(
    z.object({ folder: folderPath, id: z.string() }),
    z.array(articleIssueSchema),
    'What is missing before the article can be packaged, each with its place.',
  ),
  getPresets: method(z.object({}), z.array(presetSchema), 'Export presets (the default first).'),
  savePreset: method(
    z.object({ preset: presetSchema }),
    z.array(presetSchema),
    'Save a named export preset.',
  ),
  buildPackage: method(
    z.object({
      folder: folderPath,
      articleId: z.string(),
      out: z.string().optional(),
      preset: z.string().optional(),
      outlet: text(60).optional(),
      initials: text(20).optional(),
    }),
    packageResultSchema,
    'Build the article package (zip): web-sized renamed JPEGs with captions, manifest, HTML preview, NewsML-G2.',
  ),
  cancelJob: method(
    z.object({ job: z.string() }),
    z.object({ cancelled: z.boolean() }),
    'Cancel a running job (a package build).',
  ),
  verifyPackage: method(
    z.object({ path: z.string().min(1) }),
    verifyResultSchema,
    'Check a package: schema, checksums, no missing, extra or unsafe file.',
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
  ...outboxContract,
  ...reviewContract,
  ...cullContract,
  ...ingestContract,
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
  /** The core changed or (re)read these photos: their new data, so nobody re-lists. */
  | { type: 'photosChanged'; folder: string; photos: Tile[]; removed: string[] }
  | { type: 'analysisReady'; folder: string; items: PhotoAnalysis[]; done: number; total: number }
  | {
      type: 'ingestProgress';
      job: string;
      to: string;
      filesDone: number;
      filesTotal: number;
      bytesDone: number;
      bytesTotal: number;
      bytesPerSecond: number;
      etaSeconds: number | null;
      current: string;
      failed: number;
      /** The last file to land in the destination (relative), for browse-while-copying. */
      landed: string | null;
    };

/** An error the user should read: it names the file and the cause. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code:
      'invalid-args' | 'not-found' | 'forbidden' | 'io' | 'unknown-method' | 'conflict' = 'io',
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
