import { parseIsoDate } from './iso-date';
import { fieldSpec, type FieldInput } from '../../../../common/fields/catalog';

/**
 * What the writer puts into a JPEG: the catalog's fields. A missing field is left as the
 * file has it; '' or [] clears it. A date is ISO 8601 (2024-12-26, 2024-12-26T14:30:00+07:00 …).
 */
export type EmbedFields = FieldInput;

/** A list field's items as given (one string is a list of one), blanks dropped. */
export function listOf(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((b) => b !== '');
}

/**
 * Check fields that arrive as JSON (from the renderer, the CLI or a file) and bring every
 * string to NFC. null means "leave as is", like a missing key; an unknown key is an error
 * because it is usually a typo that would otherwise silently write nothing.
 */
export function parseEmbedFields(json: unknown): EmbedFields {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('embed fields must be a JSON object');
  const out: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    const spec = fieldSpec(key);
    if (!spec) throw new Error(`unknown embed field "${key}"`);
    if (spec.kind !== 'list') {
      const text = checkedString(key, value);
      if (spec.kind === 'date' && text !== '' && !parseIsoDate(text))
        throw new Error(
          `${key}: "${text}" is not an ISO 8601 date such as 2024-12-26T14:30:00+07:00`,
        );
      out[key] = text;
    } else if (Array.isArray(value)) out[key] = checkedList(key, value);
    else if (spec.acceptsText) out[key] = listOf(checkedString(key, value));
    else throw new Error(`${key}: must be an array of strings`);
  }
  return out as EmbedFields;
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
