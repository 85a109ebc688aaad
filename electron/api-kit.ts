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
