import { budget, type BudgetField } from '../text/byte-budget';
import { searchKey } from '../text/normalize';
import { detectLegacyVietnamese } from '../text/legacy-vietnamese';
import { unresolvedVariables } from './variables';

export type CheckCode =
  | 'empty'
  | 'noPlaceOrDate'
  | 'dateMismatch'
  | 'doubleSpace'
  | 'noFinalStop'
  | 'overBudget'
  | 'unresolvedVariable'
  | 'legacyEncoding';

export interface CaptionIssue {
  code: CheckCode;
  /** Values the UI puts into its message (field name, the date found, …). */
  detail?: Record<string, string | number>;
}

export interface CheckContext {
  capturedAt?: string | null;
  /** Place names the caption should mention one of (the catalog's places). */
  places: (string | null | undefined)[];
  /** Other IIM-limited fields of the photo, checked against their byte budgets. */
  fields?: Partial<Record<BudgetField, string | null | undefined>>;
}

const DATE_IN_TEXT = /(?<!\d)(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?!\d)/gu;
const DATE_WORDS = /\b(ngày|hôm nay|sáng|chiều|tối|trưa|đêm)\b|(?<!\d)\d{1,2}\/\d{1,2}(?!\d)/iu;

/** The caption checks shown in the grid and before packaging. Order is display order. */
export function checkCaption(rendered: string, ctx: CheckContext): CaptionIssue[] {
  const issues: CaptionIssue[] = [];
  const text = rendered.normalize('NFC');
  if (!text.trim()) return [{ code: 'empty' }];
  const places = ctx.places.filter((p): p is string => !!p && !!p.trim());
  const hasPlace =
    places.length === 0 || places.some((p) => searchKey(text).includes(searchKey(p)));
  const hasDate = DATE_WORDS.test(text);
  if (!hasPlace || !hasDate)
    issues.push({
      code: 'noPlaceOrDate',
      detail: { missing: !hasPlace && !hasDate ? 'both' : !hasPlace ? 'place' : 'date' },
    });
  const captured = ctx.capturedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ctx.capturedAt) : null;
  if (captured) {
    for (const m of text.matchAll(DATE_IN_TEXT)) {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      if (
        d !== Number(captured[3]) ||
        mo !== Number(captured[2]) ||
        (y !== null && y !== Number(captured[1]))
      ) {
        issues.push({
          code: 'dateMismatch',
          detail: { found: m[0], captured: `${captured[3]}/${captured[2]}/${captured[1]}` },
        });
        break;
      }
    }
  }
  if (/ {2,}/.test(text)) issues.push({ code: 'doubleSpace' });
  if (!/[.!?…]["”’')\]]*$/u.test(text.trim())) issues.push({ code: 'noFinalStop' });
  const cap = budget('caption', text);
  if (cap.over)
    issues.push({
      code: 'overBudget',
      detail: { field: 'caption', used: cap.used, limit: cap.limit },
    });
  for (const [field, value] of Object.entries(ctx.fields ?? {}) as [
    BudgetField,
    string | null | undefined,
  ][]) {
    if (!value) continue;
    const b = budget(field, value);
    // A characters limit is a standard's advice, not IIM's bytes: the detail says which.
    if (b.over)
      issues.push({
        code: 'overBudget',
        detail: {
          field,
          used: b.used,
          limit: b.limit,
          ...(b.unit === 'chars' ? { unit: 'chars' } : {}),
        },
      });
  }
  const unresolved = unresolvedVariables(text);
  if (unresolved.length)
    issues.push({ code: 'unresolvedVariable', detail: { names: unresolved.join(', ') } });
  if (detectLegacyVietnamese(text)) issues.push({ code: 'legacyEncoding' });
  return issues;
}
