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

/**
 * What a method changes. `dispatch` runs the calls that write the same target (one
 * folder's state, one article, the settings…) one after another in call order, so two
 * windows, two browser tabs or a script cannot interleave their read-modify-writes.
 */
export type WriteTarget =
  /** A folder's state: sidecars, its event template, clock offsets, imported reviews. */
  | 'folder'
  /** One article file of a folder. */
  | 'article'
  | 'settings'
  | 'templates'
  | 'codeLists'
  | 'presets'
  /** The working copy of the sample event. */
  | 'sample'
  /** Upload destinations and their pinned keys. */
  | 'destinations'
  /** The outbox's jobs. */
  | 'outbox'
  /** An article's package output (its next version number). */
  | 'package'
  /** The work area a package is unpacked into for review. */
  | 'reviewArea'
  /** An ingest's destination folder. */
  | 'ingest'
  /** Thumbnail and analysis caches: derived, rebuilt at will. */
  | 'cache'
  /** A running job's state (cancel). */
  | 'job'
  /** A file the caller names (embed's output). */
  | 'file';

/** A write: which target, which one of it, and whether dispatch queues it. */
export interface Writes<A> {
  writes: WriteTarget;
  /** Which one of the target (a folder's path…); omitted for app-wide targets; null: this call only reads. */
  key?: (args: A) => string | null;
  /**
   * False for long jobs the core guards itself (a send, an ingest, a cache build):
   * queued, they would hold up every quick save behind them for minutes.
   */
  queued?: false;
}
export interface Reads {
  writes: null;
}
export type Access<A> = Writes<A> | Reads;

/** The mark of a method that changes nothing. */
export const reads: Reads = { writes: null };

/**
 * One method of the contract. `access` is required, so a new method cannot forget to
 * say whether it writes (dispatch would not serialize it).
 */
export function method<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  doc: string,
  access: Access<z.output<A>>,
) {
  return { args, result, doc, access: access as Access<unknown> };
}

/** The usual key: the folder the call works in. */
export const inFolder = (a: { folder: string }) => a.folder;

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
