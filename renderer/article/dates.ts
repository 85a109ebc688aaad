/**
 * The dateline date is stored as ISO (yyyy-mm-dd: the package name and NewsML need it)
 * and typed the way a Vietnamese newsroom writes it, dd/mm/yyyy; ISO is accepted too.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "26/12/2024", "26-12-2024", "2024-12-26" → "2024-12-26"; anything else → null. */
export function parseDateline(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** How the stored date is shown: dd/mm/yyyy in Vietnamese, ISO in English; other text as is. */
export function showDateline(iso: string, lang: 'vi' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || lang !== 'vi') return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}
