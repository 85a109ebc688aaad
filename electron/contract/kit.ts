/**
 * Building blocks of the contract, in a module of their own so that feature
 * contracts (api-outbox.ts, api-review.ts) can use them without importing api.ts,
 * which spreads them into the one `contract`.
 */
import { z } from 'zod';

export const nfc = z.string().transform((s) => s.normalize('NFC'));
export const folderPath = z.string().min(1).max(4096);
export const fileName = z.string().min(1).max(1024);
export const text = (max = 20000) => nfc.pipe(z.string().max(max));

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

const templateField = z.object({ value: text(), apply: z.boolean() });
export const templateSchema = z.object({
  /** The event's name, for {event}. */
  event: text(500),
  /** The shared event caption, joined to each photo's own text. */
  caption: templateField,
  headline: templateField,
  byline: templateField,
  credit: templateField,
  source: templateField,
  copyright: templateField,
  city: templateField,
  province: templateField,
  country: templateField,
  countryCode: templateField,
  location: templateField,
  dateCreated: templateField,
  jobId: templateField,
  instructions: templateField,
  keywords: z.object({ value: z.array(text(500)), apply: z.boolean() }),
});
export type Template = z.output<typeof templateSchema>;
