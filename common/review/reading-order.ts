/** What reading order needs of an article block: the photo or photos it shows, if any. */
interface OrderedBlock {
  type: string;
  photo?: string;
  photos?: readonly string[];
}

/**
 * Photo ids in the order the article shows them, each once. The core (diff, edits) and the
 * review editor (its draft) must agree on it, so both use this one.
 */
export function readingOrder(m: { article: { body: readonly OrderedBlock[] } }): string[] {
  const seen = new Set<string>();
  for (const b of m.article.body) {
    if (b.type === 'photo' && b.photo !== undefined) seen.add(b.photo);
    else if (b.type === 'gallery') b.photos?.forEach((p) => seen.add(p));
  }
  return [...seen];
}
