import { budgetOf, FIELDS, type BudgetFieldKey, type FieldBudget } from '../fields/catalog';

/**
 * IPTC IIM limits are bytes, and a Vietnamese letter is 2–3 bytes in UTF-8:
 * "Mường Khương" is 12 characters but 17 bytes. The limits come from the field catalog.
 */
export const FIELD_BUDGETS = Object.fromEntries(
  FIELDS.flatMap((f) => {
    const b = budgetOf(f);
    return b ? [[f.key, b]] : [];
  }),
) as Record<BudgetField, FieldBudget>;

export type BudgetField = BudgetFieldKey;

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export interface Budget {
  used: number;
  limit: number;
  over: boolean;
  unit: FieldBudget['unit'];
}

/** One value (or one item of a list) against its field's limit. */
export function budget(field: BudgetField, value: string): Budget {
  const { unit, limit } = FIELD_BUDGETS[field];
  const text = value.normalize('NFC');
  const used = unit === 'bytes' ? utf8Length(text) : [...text].length;
  return { used, limit, over: used > limit, unit };
}

/** The longest prefix within `maxBytes`, cut between whole characters, never inside one. */
export function truncateToBytes(s: string, maxBytes: number): { text: string; cut: boolean } {
  if (utf8Length(s) <= maxBytes) return { text: s, cut: false };
  let used = 0;
  let out = '';
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > maxBytes) break;
    used += n;
    out += ch;
  }
  return { text: out, cut: true };
}
