/**
 * The article's category and tags as WordPress term ids: an existing term by its name
 * (WordPress compares names without regard to case, and returns them HTML-escaped), or a
 * new one where the user may make it.
 */
import type { WpSite } from './wp-api';

interface Term {
  id: number;
  name: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#039;': "'",
  '&#39;': "'",
};

const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().toLocaleLowerCase('vi') ===
  b.normalize('NFC').trim().toLocaleLowerCase('vi');

function decode(name: string): string {
  return name.replace(/&(amp|lt|gt|quot|#0?39);/g, (e) => ENTITIES[e] ?? e);
}

export async function termIds(
  site: WpSite,
  taxonomy: 'categories' | 'tags',
  names: string[],
): Promise<number[]> {
  const what = taxonomy === 'categories' ? 'category' : 'tag';
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if (!name) continue;
    const found = await site.get<Term[]>(
      `wp/v2/${taxonomy}`,
      { search: name, per_page: 100 },
      `looking for the ${what} "${name}"`,
    );
    const term =
      found.find((t) => sameName(decode(t.name), name)) ??
      (await site.post<Term>(`wp/v2/${taxonomy}`, { name }, `creating the ${what} "${name}"`));
    if (!ids.includes(term.id)) ids.push(term.id);
  }
  return ids;
}
