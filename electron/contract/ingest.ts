/** Ingest (issue 9): copy cards into the event folder, verified, renamed, with a backup. */
import { z } from 'zod';
import { folderPath, method, templateSchema, text } from './kit';
import { codedFailureFields } from './errors';

export const hotCodeSchema = z.object({ serial: text(64), byline: text(200) });
export type HotCode = z.output<typeof hotCodeSchema>;

export const ingestFileSchema = z.object({
  /** Absolute path of the file on the card. */
  source: z.string(),
  /** Relative to the primary destination; null when it failed before a name was chosen. */
  dest: z.string().nullable(),
  /** Absolute path of the backup copy, or null. */
  backup: z.string().nullable(),
  sha256: z.string().nullable(),
  status: z.enum(['copied', 'skipped', 'failed']),
  error: z.string().nullable(),
  ...codedFailureFields,
});
export type IngestFile = z.infer<typeof ingestFileSchema>;

export const ingestArgsSchema = z.object({
  /** Card folders (a DCIM tree is read recursively) or any folders. */
  sources: z.array(folderPath).min(1).max(16),
  to: folderPath,
  backup: folderPath.nullable().optional(),
  /** Rename pattern, e.g. "{date}_{camserial}_{seqn}"; null keeps the camera's names. */
  rename: z.string().max(300).nullable().optional(),
  /** Event template put into each new photo's sidecar. */
  template: templateSchema.nullable().optional(),
  /** Camera serial → photographer (Photo Mechanic's hot codes): sets the byline. */
  hotCodes: z.array(hotCodeSchema).max(1000).optional(),
  /** A job id chosen by the caller, so it can cancel with cancelJob. */
  job: z.string().max(100).optional(),
});

export const ingestResultSchema = z.object({
  job: z.string(),
  files: z.array(ingestFileSchema),
  copied: z.number(),
  skipped: z.number(),
  failed: z.number(),
  bytes: z.number(),
  cancelled: z.boolean(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

export const ingestContract = {
  ingest: method(
    ingestArgsSchema,
    ingestResultSchema,
    'Copy photos from cards to the event folder (and a backup): .part, fsync, sha256 read back, rename; renamed, deduplicated by content, template and hot codes applied; resumable.',
    { writes: 'ingest', key: (a) => a.to, queued: false },
  ),
} as const;
