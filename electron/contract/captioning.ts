/** Captions, fields, culling marks, the event template, code lists and find and replace. */
import { z } from 'zod';

import {
  cullingSchema,
  fileName,
  folderPath,
  inFolder,
  method,
  nfc,
  reads,
  templateSchema,
  text,
} from './kit';
import { photoSchema } from './photos';
import { fieldsShape } from './field-schemas';
import { codedFailureFields } from './errors';
import { computerTimeZone, isTimeZone } from '../../common/time/time-zone';

/** Editable metadata, with the same names in the API, the CLI's fields.json and the export writer. */
export const fieldsSchema = z.object(fieldsShape).partial().strict();
export type FieldsInput = z.input<typeof fieldsSchema>;
export type Fields = z.output<typeof fieldsSchema>;

export const eventSchema = z.object({
  template: templateSchema,
  /** Whether a photo's own text comes before or after the shared caption. */
  ownTextPosition: z.enum(['before', 'after']),
  /** Apply the template to photos that arrive in the folder while it is open. */
  autoApply: z.boolean(),
  templateName: z.string().nullable(),
  /**
   * Where the event takes place (IANA name): the offset of a capture time that no file
   * states. Events saved before it existed take the computer's zone.
   */
  timeZone: z
    .string()
    .refine(isTimeZone, 'not a time zone name such as Asia/Ho_Chi_Minh')
    .default(computerTimeZone),
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

export const captioningContract = {
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
    { writes: 'folder', key: inFolder },
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
    { writes: 'folder', key: inFolder },
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
    { writes: 'folder', key: inFolder },
  ),
  getEvent: method(
    z.object({ folder: folderPath }),
    eventSchema,
    "The folder's event template and settings.",
    reads,
  ),
  saveEvent: method(
    z.object({ folder: folderPath, event: eventSchema }),
    z.object({ event: eventSchema, updated: z.array(z.string()) }),
    'Save the event template; captions using its {variables} and linked photos follow.',
    { writes: 'folder', key: inFolder },
  ),
  applyTemplate: method(
    z.object({ folder: folderPath, files: z.array(fileName).nullable() }),
    z.object({
      applied: z.array(z.string()),
      failed: z.array(z.object({ file: z.string(), error: z.string(), ...codedFailureFields })),
    }),
    'Apply the event template to the given photos, or to all (files: null).',
    { writes: 'folder', key: inFolder },
  ),
  listTemplates: method(z.object({}), z.array(z.string()), 'Names of the saved templates.', reads),
  saveTemplate: method(
    z.object({ name: templateName, template: templateSchema }),
    z.object({ name: z.string() }),
    'Save a template by name.',
    { writes: 'templates' },
  ),
  loadTemplate: method(
    z.object({ name: templateName }),
    templateSchema,
    'Load a saved template.',
    reads,
  ),
  deleteTemplate: method(
    z.object({ name: templateName }),
    z.object({ name: z.string() }),
    'Delete a saved template.',
    { writes: 'templates' },
  ),
  codeReplacements: method(
    z.object({}),
    z.object({
      lists: z.array(z.object({ name: z.string(), count: z.number() })),
      entries: z.array(codeEntrySchema),
    }),
    'The loaded code replacement lists, and their merged entries (last loaded wins).',
    reads,
  ),
  importCodeList: method(
    z.object({ name: templateName, text: z.string().max(5_000_000) }),
    z.object({
      name: z.string(),
      count: z.number(),
      skipped: z.array(z.object({ line: z.number(), text: z.string() })),
    }),
    "Load a code replacement list in Photo Mechanic's format (it becomes the last loaded).",
    { writes: 'codeLists' },
  ),
  exportCodeList: method(
    z.object({ name: templateName }),
    z.object({ text: z.string() }),
    "A list in Photo Mechanic's format.",
    reads,
  ),
  removeCodeList: method(
    z.object({ name: templateName }),
    z.object({ name: z.string() }),
    'Unload a code replacement list.',
    { writes: 'codeLists' },
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
    { writes: 'folder', key: (a) => (a.apply ? a.folder : null) },
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
    { writes: 'file', key: (a) => a.output },
  ),
} as const;
