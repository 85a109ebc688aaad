/**
 * The article package's manifest.json: versioned, and published as JSON Schema
 * (package/manifest.schema.json, generated from this file and checked by a test),
 * so a newsroom can validate packages without our code.
 */
import { z } from 'zod';
import { unsafeNameReason } from '../../common/naming/zip-member-names';
import { baseUrlProblem } from '../../common/package/newsml-base-url';
import { credentialsStateSchema } from './credentials';

export const MANIFEST_SCHEMA_ID = 'https://captiondesk.app/schema/package-manifest-1.json';
export const MANIFEST_SCHEMA_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
/** A path inside the zip: relative, forward slashes, no `..`, no drive letters. */
export const safeZipPath = z
  .string()
  .min(1)
  .max(255)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))(?!.*\\)(?![A-Za-z]:)[^\0]+$/, 'a safe relative path')
  // The zip code's own rule is stricter (no `:`, control or bidi characters): one policy for both.
  .refine((p) => unsafeNameReason(p) === null, {
    message: 'a path the zip writer and reader accept',
  });

export const photoRefSchema = z.string().regex(/^p\d+$/, 'a photo id such as p1');

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), id: z.string(), text: z.string() }),
  z.object({
    type: z.literal('photo'),
    id: z.string(),
    photo: photoRefSchema,
    caption: z.string(),
  }),
  z.object({
    type: z.literal('gallery'),
    id: z.string(),
    photos: z.array(photoRefSchema).min(1),
    caption: z.string(),
  }),
]);
export type ManifestBlock = z.infer<typeof blockSchema>;

export const manifestPhotoSchema = z.object({
  id: photoRefSchema,
  /** Path of the exported JPEG inside the package. */
  file: safeZipPath,
  caption: z.string(),
  byline: z.string().nullable(),
  credit: z.string().nullable(),
  /**
   * IPTC accessibility and provenance, as embedded in the JPEG: absent in packages made
   * before they existed. The source type is the term's URI.
   */
  altText: z.string().nullable().optional(),
  extDescription: z.string().nullable().optional(),
  digitalSourceType: z.string().nullable().optional(),
  aiSystemUsed: z.string().nullable().optional(),
  aiSystemVersionUsed: z.string().nullable().optional(),
  aiPrompt: z.string().nullable().optional(),
  aiPromptWriterName: z.string().nullable().optional(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sha256,
  source: z.object({ file: z.string(), sha256 }),
  /** Content Credentials; absent in packages made before they were read. */
  credentials: z
    .object({
      /** This JPEG carries a C2PA manifest of its own, made when it was written. */
      signed: z.boolean(),
      /** Its state when written, by the writer's trust list ('broken' after an unsigned caption edit). */
      state: credentialsStateSchema,
      manifest: z.string().nullable(),
      signer: z.string().nullable(),
      /** The original's credentials when it was exported (its manifest is the parentOf ingredient). */
      source: z.object({
        state: credentialsStateSchema,
        manifest: z.string().nullable(),
        signer: z.string().nullable(),
      }),
    })
    .optional(),
});
export type ManifestPhoto = z.infer<typeof manifestPhotoSchema>;

export const historyEntrySchema = z.object({
  version: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  role: z.enum(['reporter', 'editor']),
  decision: z.enum(['submitted', 'returned', 'approved', 'edited']),
  note: z.string().nullable(),
  /** The manifest's sha256 of the version this one was made from. */
  previousManifestSha256: sha256.nullable(),
  changes: z.array(z.string()),
});

export const commentSchema = z.object({
  id: z.string(),
  /** 'article', a block id, or a photo id. */
  target: z.string(),
  by: z.string(),
  at: z.string(),
  text: z.string(),
  version: z.number().int().positive(),
});

export const manifestSchema = z.object({
  $schema: z.literal(MANIFEST_SCHEMA_ID),
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  packageId: z.string().regex(/^[0-9a-f-]{36}$/, 'a UUID'),
  version: z.number().int().positive(),
  createdAt: z.string(),
  app: z.object({ name: z.literal('CaptionDesk'), version: z.string() }),
  author: z.object({ name: z.string(), initials: z.string() }),
  outlet: z.string(),
  article: z.object({
    id: z.string(),
    headline: z.string(),
    sapo: z.string(),
    byline: z.string(),
    authorInitials: z.string(),
    category: z.string(),
    /** Absent in packages made before articles had tags. */
    tags: z.array(z.string()).optional(),
    dateline: z.object({ place: z.string(), date: z.string() }),
    body: z.array(blockSchema),
  }),
  photos: z.array(manifestPhotoSchema),
  /** Other files of the package with their checksums: article.html, newsml.xml. */
  files: z.array(z.object({ path: safeZipPath, bytes: z.number().int().nonnegative(), sha256 })),
  history: z.array(historyEntrySchema),
  comments: z.array(commentSchema),
  /**
   * How newsml.xml was written, so a later version (after a review) writes it the same way:
   * `baseUrl`, the folder a desk fetches the package's files from over HTTP, under which the
   * photos' hrefs are absolute. Absent: hrefs relative to newsml.xml.
   */
  /**
   * Whether the photos carry Content Credentials of their own, said in words, so a desk
   * never takes an unsigned derivative for a signed one. Absent in packages made before.
   */
  credentials: z
    .object({ signed: z.boolean(), signer: z.string().nullable(), statement: z.string() })
    .optional(),
  newsml: z
    .object({
      baseUrl: z.string().refine((v) => baseUrlProblem(v) === null, 'an http or https folder URL'),
    })
    .optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function manifestJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' }) as object),
    $id: MANIFEST_SCHEMA_ID,
    title: 'CaptionDesk article package manifest',
  };
}
