/** App-wide settings, the front's identity and job control. */
import { z } from 'zod';

import { method, reads } from './kit';

export const settingsSchema = z.object({
  /** `name.xmp` (Adobe, Photo Mechanic) or `name.ext.xmp` (darktable, digiKam). */
  sidecarNaming: z.enum(['base', 'withExtension']),
});
export type Settings = z.output<typeof settingsSchema>;

export const appContract = {
  getSettings: method(z.object({}), settingsSchema, 'App settings.', reads),
  saveSettings: method(
    z.object({ settings: settingsSchema }),
    settingsSchema,
    'Save app settings.',
    { writes: 'settings' },
  ),
  appInfo: method(
    z.object({}),
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'web', 'cli']),
      startFolder: z.string().nullable(),
    }),
    'Version, front, and the folder given on the command line, if any.',
    reads,
  ),
  cancelJob: method(
    z.object({ job: z.string() }),
    z.object({ cancelled: z.boolean() }),
    'Cancel a running job (a package build).',
    { writes: 'job', key: (a) => a.job, queued: false },
  ),
} as const;
