import type { Photo } from '../../electron/contract/api';
import { searchKey } from '../../common/text/normalize';
import { FIELDS } from '../../common/fields/catalog';

type SearchableField = Extract<(typeof FIELDS)[number], { searchable: true }>['key'];
/** A field a caller does not have (an older photo, a test's) is simply not searched. */
type Searchable = Pick<Photo, 'file' | 'captionOwn'> & Partial<Pick<Photo, SearchableField>>;

/** The catalog's searchable fields; the caption as typed is searched too. */
const SEARCHED = FIELDS.filter((f) => f.searchable).map((f) => f.key as SearchableField);

// Tiles are immutable and replaced on change, so a key computed once per tile object stays right.
const keys = new WeakMap<object, string>();

function keyOf(photo: Searchable): string {
  let key = keys.get(photo);
  if (key === undefined) {
    const values = SEARCHED.map((k) => {
      const v = photo[k];
      return Array.isArray(v) ? v.join('\n') : v;
    });
    key = searchKey([photo.file, photo.captionOwn, ...values].filter(Boolean).join('\n'));
    keys.set(photo, key);
  }
  return key;
}

/** Words of the query, folded like the text: "Hoàng  giang" → ["hoang", "giang"]. */
export function searchTerms(query: string): string[] {
  return searchKey(query.normalize('NFC')).split(/\s+/u).filter(Boolean);
}

/** Every word must occur somewhere in the photo's name or metadata, in any order. */
export function matchesSearch(photo: Searchable, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const key = keyOf(photo);
  return terms.every((t) => key.includes(t));
}
