/**
 * Building blocks of the contract, in a module of their own so that feature
 * contracts (api-outbox.ts, api-review.ts) can use them without importing api.ts,
 * which spreads them into the one `contract`.
 */
import { z } from 'zod';
import { templateFieldsShape } from './field-schemas';
import { nfc, text } from './text';

export { nfc, text };
export const folderPath = z.string().min(1).max(4096);
export const fileName = z.string().min(1).max(1024);

export function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

export const cullingSchema = z
  .object({
    rating: z.number().int().min(-1).max(5).nullable(),
    label: text(64).nullable(),
    colorClass: z.number().int().min(0).max(8).nullable(),
    pick: z.boolean().nullable(),
  })
  .partial()
  .strict();

/** The event template: its name, then the catalog's template fields (the shared caption first). */
export const templateSchema = z.object({
  /** The event's name, for {event}. */
  event: text(500),
  ...templateFieldsShape,
});
export type Template = z.output<typeof templateSchema>;
