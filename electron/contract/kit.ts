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
  /** The trust list and the signing identity for Content Credentials. */
  | 'credentials'
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

/** The event template: its name, then the catalog's template fields (the shared caption first). */
export const templateSchema = z.object({
  /** The event's name, for {event}. */
  event: text(500),
  ...templateFieldsShape,
});
export type Template = z.output<typeof templateSchema>;
