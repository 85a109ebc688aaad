import type { OptionTable, ParsedArgv } from './parse-args';

/**
 * The metadata fields `caption` sets, one flag each. This list alone decides them: the
 * option table, the usage text and the fields sent to setFields all come from it, so it
 * can be swapped for rows derived from the field catalog without touching the command.
 */
export interface FieldFlag {
  /** The flag without its dashes. */
  flag: string;
  /** The Fields key it sets. */
  field: string;
  /** text: the value as given; list: comma-separated, trimmed, empties dropped. */
  kind: 'text' | 'list';
}

export const FIELD_FLAGS: readonly FieldFlag[] = [
  { flag: 'text', field: 'caption', kind: 'text' },
  { flag: 'byline', field: 'byline', kind: 'text' },
  { flag: 'city', field: 'city', kind: 'text' },
  { flag: 'province', field: 'province', kind: 'text' },
  { flag: 'country', field: 'country', kind: 'text' },
  { flag: 'credit', field: 'credit', kind: 'text' },
  { flag: 'headline', field: 'headline', kind: 'text' },
  { flag: 'source', field: 'source', kind: 'text' },
  { flag: 'copyright', field: 'copyright', kind: 'text' },
  { flag: 'location', field: 'location', kind: 'text' },
  { flag: 'title', field: 'title', kind: 'text' },
  { flag: 'instructions', field: 'instructions', kind: 'text' },
  { flag: 'keywords', field: 'keywords', kind: 'list' },
];

export function fieldOptions(flags: readonly FieldFlag[] = FIELD_FLAGS): OptionTable {
  return Object.fromEntries(
    flags.map((f) => [f.flag, { type: 'string', value: f.kind === 'list' ? 'a,b' : '…' }]),
  );
}

/** The fields the flags given on the command line set; absent flags set nothing. */
export function fieldsFromFlags(
  argv: ParsedArgv,
  flags: readonly FieldFlag[] = FIELD_FLAGS,
): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const f of flags) {
    const v = argv.flags.get(f.flag);
    if (typeof v !== 'string') continue;
    fields[f.field] =
      f.kind === 'list'
        ? v
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean)
        : v;
  }
  return fields;
}
