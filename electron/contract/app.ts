/** App-wide settings, the front's identity and job control. */
import { z } from 'zod';

import { method } from './kit';

export const settingsSchema = z.object({
  /** `name.xmp` (Adobe, Photo Mechanic) or `name.ext.xmp` (darktable, digiKam). */
  sidecarNaming: z.enum(['base', 'withExtension']),
});
export type Settings = z.output<typeof settingsSchema>;

export const appContract = {
  getSettings: method(z.object({}), settingsSchema, 'App settings.'),
  saveSettings: method(
    z.object({ settings: settingsSchema }),
    settingsSchema,
    'Save app settings.',
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
  cancelJob: method(
    z.object({ job: z.string() }),
    z.object({ cancelled: z.boolean() }),
    'Cancel a running job (a package build).',
  ),
} as const;
