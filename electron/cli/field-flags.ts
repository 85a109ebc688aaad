import { FIELDS, type FieldKey } from '../../common/fields/catalog';
import type { OptionTable, ParsedArgv } from './parse-args';

/**
 * The metadata fields `caption` sets, one flag each. This list alone decides them: the
 * option table, the usage text and the fields sent to setFields all come from it, so it
 * comes from the field catalog (common/fields/catalog.ts): a field with a `cli` flag has it here.
 */
export interface FieldFlag {
  /** The flag without its dashes. */
  flag: string;
  /** The Fields key it sets. */
  field: FieldKey;
  /** A list field's separator (comma-separated, trimmed, empties dropped); absent for text. */
  split?: string;
}

/** The catalog's rows that have a CLI flag, in catalog order. */
export const FIELD_FLAGS: readonly FieldFlag[] = FIELDS.flatMap((f): FieldFlag[] => {
  const cli: { flag: string; split?: string } | null = f.cli;
  if (!cli) return [];
  return [{ flag: cli.flag, field: f.key, ...(cli.split ? { split: cli.split } : {}) }];
});

export function fieldOptions(flags: readonly FieldFlag[] = FIELD_FLAGS): OptionTable {
  return Object.fromEntries(
    flags.map((f) => [f.flag, { type: 'string', value: f.split ? 'a,b' : '…' }]),
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
    fields[f.field] = f.split
      ? v
          .split(f.split)
          .map((k) => k.trim())
          .filter(Boolean)
      : v;
  }
  return fields;
}
