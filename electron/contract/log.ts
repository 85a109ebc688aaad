/** The app's log file: where it is and what it last said, for every front (menu, browser, CLI). */
import { z } from 'zod';

import { method, reads } from './kit';

export const logInfoSchema = z.object({
  /** `<data folder>/logs/captiondesk.log`. */
  path: z.string(),
  /** Its folder, with the rotated files captiondesk.log.1 … .3 beside it. */
  dir: z.string(),
  /** The last lines, oldest first: one JSON object each (time, level, event, …). */
  lines: z.array(z.string()),
  /** Lines this process could not write (a full or read-only disk) and dropped. */
  dropped: z.number(),
});
export type LogInfo = z.output<typeof logInfoSchema>;

export const logContract = {
  logInfo: method(
    z.object({ lines: z.number().int().min(0).max(5000).default(100) }),
    logInfoSchema,
    "Where the app's log file is, and its last lines (errors and job outcomes; no secrets).",
    reads,
  ),
} as const;
