/** Article packages: export presets, building and verifying. */
import { z } from 'zod';

import { folderPath, method, nfc, reads, text } from './kit';

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
});

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ file: z.string().nullable(), message: z.string() })),
  /** What could not be checked, e.g. the previous version not beside the package; absent when none. */
  notes: z.array(z.string()).optional(),
});

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
    }),
    packageResultSchema,
    'Build the article package (zip): web-sized renamed JPEGs with captions, manifest, HTML preview, NewsML-G2.',
    { writes: 'package', key: (a) => `${a.folder}\0${a.articleId}` },
  ),
  verifyPackage: method(
    z.object({ path: z.string().min(1) }),
    verifyResultSchema,
    'Check a package: schema, checksums, no missing, extra or unsafe file.',
    reads,
  ),
} as const;
