/** Article packages: export presets, building and verifying. */
import { z } from 'zod';

import { folderPath, method, nfc, reads, text } from './kit';
import { codedFailureFields } from './errors';
import { baseUrlProblem, baseUrlProblemText } from '../../common/package/newsml-base-url';

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
  /** Whether the photos carry Content Credentials of their own, and the package's words on it. */
  credentials: z
    .object({ signed: z.boolean(), signer: z.string().nullable(), statement: z.string() })
    .optional(),
});

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(
    z.object({ file: z.string().nullable(), message: z.string(), ...codedFailureFields }),
  ),
  /** What could not be checked, e.g. the previous version not beside the package; absent when none. */
  notes: z.array(z.string()).optional(),
});

/** One package in an event folder's package history (listPackages, packagesChanged). */
export const packageEntrySchema = z.object({
  path: z.string(),
  /**
   * 'ok': the zip is there and its manifest reads; 'missing': recorded but gone (deleted or
   * moved away); 'unreadable': a file is there but no package manifest can be read from it.
   */
  status: z.enum(['ok', 'missing', 'unreadable']),
  /**
   * 'recorded': built by CaptionDesk (app or CLI) and recorded with the folder; 'found': a zip
   * in the folder's packages/ with no record (built before records were kept, or copied there).
   */
  source: z.enum(['recorded', 'found']),
  articleId: z.string(),
  headline: z.string(),
  version: z.number(),
  bytes: z.number(),
  photos: z.number(),
  /** ISO time it was built (for a found package: when the file was written). */
  builtAt: z.string(),
  /** verifyPackage's verdict on these very bytes; null when not verified since they were written. */
  valid: z.boolean().nullable(),
});
export type PackageEntry = z.output<typeof packageEntrySchema>;

export const packageContract = {
  getPresets: method(
    z.object({}),
    z.array(presetSchema),
    'Export presets (the default first).',
    reads,
  ),
  savePreset: method(
    z.object({ preset: presetSchema }),
    z.array(presetSchema),
    'Save a named export preset.',
    { writes: 'presets' },
  ),
  buildPackage: method(
    z.object({
      folder: folderPath,
      articleId: z.string(),
      out: z.string().optional(),
      preset: z.string().optional(),
      outlet: text(60).optional(),
      initials: text(20).optional(),
      /**
       * Where the desk will fetch the package's files over HTTP: newsml.xml then gives each
       * photo an absolute href under it (and the manifest records it for later versions).
       */
      newsmlBaseUrl: z
        .string()
        .max(2048)
        .superRefine((v, ctx) => {
          const problem = baseUrlProblem(v);
          if (problem) ctx.addIssue({ code: 'custom', message: baseUrlProblemText(v, problem) });
        })
        .optional(),
      /**
       * Sign each exported photo with Content Credentials. Absent: sign when a signing
       * identity is set. true: refuse without one. false: unsigned derivatives.
       */
      sign: z.boolean().optional(),
    }),
    packageResultSchema,
    'Build the article package (zip): web-sized renamed JPEGs with captions, manifest, HTML preview, NewsML-G2.',
    { writes: 'package', key: (a) => `${a.folder}\0${a.articleId}` },
  ),
  verifyPackage: method(
    z.object({ path: z.string().min(1) }),
    verifyResultSchema,
    'Check a package: schema, checksums, no missing, extra or unsafe file.',
    // Its verdict is appended to the package record of the folders that hold it: an
    // append the core makes whole on its own, so nothing waits for it.
    { writes: 'package', queued: false },
  ),
  listPackages: method(
    z.object({ folder: folderPath, articleId: z.string().optional() }),
    z.array(packageEntrySchema),
    "The packages built from the folder's articles (app or CLI), newest first, as they are on disk.",
    reads,
  ),
} as const;
