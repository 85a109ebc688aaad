/**
 * IPTC IIM limits are bytes, and a Vietnamese letter is 2–3 bytes in UTF-8:
 * "Mường Khương" is 12 characters but 17 bytes.
 */
export const IIM_LIMITS = {
  caption: 2000,
  headline: 256,
  title: 64,
  byline: 32,
  credit: 32,
  source: 32,
  copyright: 128,
  keyword: 64,
  city: 32,
  location: 32,
  province: 32,
  countryCode: 3,
  country: 64,
  jobId: 32,
  instructions: 256,
} as const;

export type BudgetField = keyof typeof IIM_LIMITS;

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export interface Budget {
  used: number;
  limit: number;
  over: boolean;
}

export function budget(field: BudgetField, value: string): Budget {
  const used = utf8Length(value.normalize('NFC'));
  const limit = IIM_LIMITS[field];
  return { used, limit, over: used > limit };
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
