import { parseIsoDate } from './iso-date';
import { TEXT_FIELDS, type TextField } from '../photo-fields';

/** What the writer puts into a JPEG. A missing field is left as the file has it; '' or [] clears it. */
export interface EmbedFields {
  caption?: string;
  headline?: string;
  title?: string;
  byline?: string | string[];
  credit?: string;
  source?: string;
  copyright?: string;
  city?: string;
  province?: string;
  country?: string;
  countryCode?: string;
  location?: string;
  /** ISO 8601: 2024-12-26, 2024-12-26T14:30, 2024-12-26T14:30:00+07:00 … */
  dateCreated?: string;
  jobId?: string;
  instructions?: string;
  keywords?: string[];
}

export type TextKey = TextField;

/** The same field names everywhere: the writer takes what the sidecar and the API hold. */
export const TEXT_KEYS: readonly TextKey[] = TEXT_FIELDS;

export function bylineList(byline: string | string[] | undefined): string[] | undefined {
  if (byline === undefined) return undefined;
  return (Array.isArray(byline) ? byline : [byline]).filter((b) => b !== '');
}

/**
 * Check fields that arrive as JSON (from the renderer, the CLI or a file) and bring every
 * string to NFC. null means "leave as is", like a missing key; an unknown key is an error
 * because it is usually a typo that would otherwise silently write nothing.
 */
export function parseEmbedFields(json: unknown): EmbedFields {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('embed fields must be a JSON object');
  const out: EmbedFields = {};
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    if ((TEXT_KEYS as readonly string[]).includes(key)) {
      const text = checkedString(key, value);
      if (key === 'dateCreated' && text !== '' && !parseIsoDate(text))
        throw new Error(
          `dateCreated: "${text}" is not an ISO 8601 date such as 2024-12-26T14:30:00+07:00`,
        );
      out[key as TextKey] = text;
    } else if (key === 'byline') {
      out.byline = Array.isArray(value)
        ? checkedList(key, value)
        : bylineList(checkedString(key, value));
    } else if (key === 'keywords') {
      if (!Array.isArray(value)) throw new Error('keywords: must be an array of strings');
      out.keywords = checkedList(key, value);
    } else throw new Error(`unknown embed field "${key}"`);
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkedString(key: string, value: unknown): string {
  if (typeof value !== 'string') throw new Error(`${key}: must be a string, not ${typeof value}`);
  if (LONE_SURROGATE.test(value)) throw new Error(`${key}: holds a lone UTF-16 surrogate`);
  // EXIF strings end at NUL, so a NUL inside would silently cut the value there.
  if (value.includes('\0')) throw new Error(`${key}: holds a NUL character`);
  return value.normalize('NFC');
}

function checkedList(key: string, value: unknown[]): string[] {
  return value.map((v, i) => checkedString(`${key}[${i}]`, v)).filter((v) => v !== '');
}
