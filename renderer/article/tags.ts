/**
 * The article's tags as typed in one box: "Công đoàn, Lào Cai". Commas or semicolons part
 * them; the same tag twice (in any case) is kept once, in the form first typed.
 */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.normalize('NFC').split(/[,;，、]/u)) {
    const tag = raw.replace(/\s+/gu, ' ').trim();
    const key = tag.toLocaleLowerCase('vi');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export const showTags = (tags: readonly string[]): string => tags.join(', ');
