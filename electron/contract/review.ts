/** Editor review mode's part of the contract (open a package, review, comment, decide). */
import { z } from 'zod';
import { folderPath, inFolder, method, reads, text } from './kit';
import { embeddedFieldsShape } from './field-schemas';
import { blockSchema, commentSchema, historyEntrySchema, manifestSchema } from './package-manifest';

const packagePath = z.string().min(1).max(4096);

const diffPartSchema = z.object({ op: z.enum(['eq', 'del', 'ins']), text: z.string() });
const blockChangeSchema = z.object({
  blockId: z.string(),
  status: z.enum(['changed', 'added', 'removed']),
  diff: z.array(diffPartSchema),
});
const photoRefSchema = z.object({ id: z.string(), sourceFile: z.string() });

const embeddedSchema = z.object({
  ...embeddedFieldsShape,
  width: z.number().nullable(),
  height: z.number().nullable(),
  error: z.string().nullable(),
  /** Fields whose XMP, IIM and EXIF copies disagree. */
  conflicts: z.array(z.string()),
});
export type EmbeddedFields = z.infer<typeof embeddedSchema>;

export const openedPackageSchema = z.object({
  path: z.string(),
  packageId: z.string(),
  version: z.number(),
  /** The app's own folder the package was unpacked into. */
  workDir: z.string(),
  manifest: manifestSchema,
  manifestSha256: z.string(),
  /** Every member as unpacked, with its checksum (all ok: a package that fails is refused). */
  checks: z.array(
    z.object({ file: z.string(), bytes: z.number(), sha256: z.string(), ok: z.boolean() }),
  ),
  /** What could not be checked (the previous version not beside this one). */
  notes: z.array(z.string()),
  articleHtml: z.string(),
  newsml: z.string(),
  photos: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      sourceFile: z.string(),
      caption: z.string(),
      width: z.number(),
      height: z.number(),
      bytes: z.number(),
      sha256: z.string(),
      localPath: z.string(),
      /** Media path of the exported JPEG at full export size. */
      media: z.string(),
      /** The metadata inside the JPEG, read back. Plain text: the UI must escape it. */
      embedded: embeddedSchema,
      captionMatches: z.boolean(),
    }),
  ),
});

export const reviewEditsSchema = z
  .object({
    headline: text(1000),
    sapo: text(5000),
    /** Paragraph block id → new text. */
    paragraphs: z.record(z.string().max(40), text(100000)),
    /** Photo id (p3), photo block id or gallery block id → new caption. */
    captions: z.record(z.string().max(40), text()),
    /** Photo ids in their new reading order: each photo that stays, once. */
    photoOrder: z.array(z.string().max(40)).max(10000),
    dropPhotos: z.array(z.string().max(40)).max(10000),
  })
  .partial()
  .strict();

const reviewSummarySchema = z.object({
  articleId: z.string(),
  version: z.number(),
  decision: historyEntrySchema.shape.decision,
  note: z.string().nullable(),
  by: z.string(),
  importedFrom: z.string(),
  importedAt: z.string(),
  comments: z.array(commentSchema),
  history: z.array(historyEntrySchema),
  /** The reviewed text, so the reporter can see (and take) the editor's edits. */
  article: z.object({ headline: z.string(), sapo: z.string(), body: z.array(blockSchema) }),
  photos: z.array(z.object({ id: z.string(), sourceFile: z.string(), caption: z.string() })),
});

export const reviewContract = {
  openPackage: method(
    z.object({ path: packagePath }),
    openedPackageSchema,
    'Open a package for review: verified, unpacked into the app’s work area, photos and their embedded captions read back. A hostile or damaged package is refused with every reason.',
    { writes: 'reviewArea', key: (a) => a.path },
  ),
  saveReview: method(
    z.object({
      path: packagePath,
      reviewer: text(200),
      role: z.enum(['editor', 'reporter']).default('editor'),
      decision: z.enum(['approved', 'returned', 'edited']),
      note: text(5000).nullable().optional(),
      edits: reviewEditsSchema.default({}),
      comments: z
        .array(z.object({ target: z.string().min(1).max(64), text: text(5000) }))
        .max(1000)
        .default([]),
      /** CLI only; elsewhere the new version goes beside the reviewed one. */
      out: z.string().min(1).max(4096).optional(),
    }),
    z.object({
      path: z.string(),
      version: z.number(),
      bytes: z.number(),
      sha256: z.string(),
      manifestSha256: z.string(),
      changes: z.array(z.string()),
      rewritten: z.array(z.string()),
      /**
       * Photo ids whose Content Credentials the caption edit touched: re-signed with this
       * computer's signing identity (a new manifest, the previous one its ingredient), or
       * broken because none is set here. Absent when no rewritten photo was signed.
       */
      credentials: z
        .object({ resigned: z.array(z.string()), broken: z.array(z.string()) })
        .optional(),
    }),
    'Write the next version of a reviewed package (<name>-v<N+1>.zip): edits, comments, decision and note, the history entry chained to the previous manifest. The reviewed file is never changed.',
    { writes: 'package', key: (a) => a.path },
  ),
  diffPackages: method(
    z.object({ a: packagePath, b: packagePath }),
    z.object({
      a: z.object({ path: z.string(), version: z.number() }),
      b: z.object({ path: z.string(), version: z.number() }),
      headline: z.array(diffPartSchema).nullable(),
      sapo: z.array(diffPartSchema).nullable(),
      paragraphs: z.array(blockChangeSchema),
      galleryCaptions: z.array(blockChangeSchema),
      captions: z.array(
        z.object({ photoId: z.string(), sourceFile: z.string(), diff: z.array(diffPartSchema) }),
      ),
      photos: z.object({
        added: z.array(photoRefSchema),
        removed: z.array(photoRefSchema),
        reordered: z.boolean(),
        before: z.array(z.string()),
        after: z.array(z.string()),
      }),
      history: z.array(historyEntrySchema),
      comments: z.array(commentSchema),
      /** The same, as text in git's word-diff notation ([-old-]{+new+}). */
      text: z.string(),
    }),
    'What changed between two versions of a package: text at word level, captions, photos added, removed or reordered, new history and comments.',
    reads,
  ),
  importReview: method(
    z.object({ folder: folderPath, path: packagePath }),
    reviewSummarySchema.extend({ stored: z.string() }),
    'Attach a reviewed package’s comments and history to its article in the reporter’s folder; the next package of the article continues its versions.',
    { writes: 'folder', key: inFolder },
  ),
  getReview: method(
    z.object({ folder: folderPath, articleId: z.string().max(64) }),
    reviewSummarySchema.nullable(),
    'The latest review imported for an article (comments, history, the editor’s text), or null.',
    reads,
  ),
} as const;
