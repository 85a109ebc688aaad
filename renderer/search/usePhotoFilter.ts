import { useMemo, useState } from 'react';
import type { Tile } from '../../electron/contract/api';
import { readStored, writeStored } from '../ui/storage';
import { cameraSummaries, sortPhotos, type ClockOffsets } from '../filter/capture-time';
import {
  CREDENTIALS_FILTERS,
  NO_CULL_FILTER,
  cullPredicate,
  isFiltering,
  type CullFilter,
  type VerdictOf,
} from '../filter/cull-filter';
import { matchesSearch, searchTerms } from './photo-search';

interface FilterState {
  folder: string | undefined;
  query: string;
  issuesOnly: boolean;
  cull: CullFilter;
  /**
   * Photos that matched when the filter was set. They stay shown while they are being
   * worked on: fixing a caption or rating a photo must not make it vanish under the
   * reporter's hands.
   */
  pinned: ReadonlySet<string>;
}

const hasIssues = (t: Tile) => t.issues.length > 0;

const storeKey = (folder: string) => `captiondesk.cullFilter:${folder}`;
/** What storage gives back is checked field by field: an old or edited entry must not break the grid. */
function isCullFilter(v: unknown): v is CullFilter {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  return (
    ['any', 'picked', 'rejected', 'notRejected'].includes(f.flag as string) &&
    (f.minRating === null || typeof f.minRating === 'number') &&
    Array.isArray(f.colors) &&
    ['any', 'captioned', 'uncaptioned'].includes(f.captioned as string) &&
    Array.isArray(f.cameras) &&
    f.cameras.every((c) => typeof c === 'string') &&
    strOrNull(f.from) &&
    strOrNull(f.to) &&
    // Absent in what was stored before the filter existed.
    (f.credentials === undefined || CREDENTIALS_FILTERS.includes(f.credentials as never)) &&
    (f.sort === 'name' || f.sort === 'time')
  );
}

/** The culling filter and sort last used on this folder. */
function storedCull(folder: string | undefined): CullFilter {
  if (!folder) return NO_CULL_FILTER;
  return { ...NO_CULL_FILTER, ...readStored(storeKey(folder), NO_CULL_FILTER, isCullFilter) };
}

function predicate(
  query: string,
  issuesOnly: boolean,
  cull: CullFilter,
  offsets: ClockOffsets,
  verdictOf?: VerdictOf,
) {
  const terms = searchTerms(query);
  const culls = cullPredicate(cull, offsets, verdictOf);
  return (t: Tile) => (!issuesOnly || hasIssues(t)) && matchesSearch(t, terms) && culls(t);
}

/**
 * The grid's search box, "needs review" filter, the culling filters (flag, rating,
 * colour, caption, camera, capture time) and the sort order, per folder. The culling
 * filter is remembered per folder; the search is not.
 */
export function usePhotoFilter(
  folder: string | undefined,
  tiles: Tile[],
  offsets: ClockOffsets = {},
  /** Content Credentials verdicts so far; a new function when they change. */
  verdictOf?: VerdictOf,
) {
  const fresh = useMemo(
    (): FilterState => ({
      folder,
      query: '',
      issuesOnly: false,
      cull: storedCull(folder),
      pinned: new Set(),
    }),
    [folder],
  );
  const [state, setState] = useState<FilterState>(fresh);
  const mine = state.folder === folder ? state : fresh;
  const { query, issuesOnly, cull, pinned } = mine;
  const active = searchTerms(query).length > 0 || issuesOnly || isFiltering(cull);

  // Verdicts arrive in batches: only a Content Credentials filter needs the list redone.
  const verdicts = cull.credentials === 'any' ? undefined : verdictOf;
  const shown = useMemo(() => {
    const matches = predicate(query, issuesOnly, cull, offsets, verdicts);
    const kept = active ? tiles.filter((t) => pinned.has(t.file) || matches(t)) : tiles;
    // The core lists by file name already; only a time sort reorders.
    return cull.sort === 'time' ? sortPhotos(kept, 'time', offsets) : kept;
  }, [active, tiles, pinned, query, issuesOnly, cull, offsets, verdicts]);

  const issueCount = useMemo(() => tiles.filter(hasIssues).length, [tiles]);
  const credentialsCount = useMemo(() => tiles.filter((t) => t.credentials).length, [tiles]);
  const cameras = useMemo(() => cameraSummaries(tiles), [tiles]);

  const set = (next: { query: string; issuesOnly: boolean; cull: CullFilter }) => {
    const matches = predicate(next.query, next.issuesOnly, next.cull, offsets, verdictOf);
    setState({ folder, ...next, pinned: new Set(tiles.filter(matches).map((t) => t.file)) });
    if (folder && next.cull !== cull) writeStored(storeKey(folder), next.cull);
  };

  return {
    query,
    issuesOnly,
    cull,
    active,
    shown,
    total: tiles.length,
    issueCount,
    credentialsCount,
    cameras,
    setQuery: (q: string) => set({ query: q, issuesOnly, cull }),
    toggleIssues: () => set({ query, issuesOnly: !issuesOnly, cull }),
    setCull: (next: CullFilter) => set({ query, issuesOnly, cull: next }),
    clear: () =>
      set({ query: '', issuesOnly: false, cull: { ...NO_CULL_FILTER, sort: cull.sort } }),
  };
}

export type PhotoFilter = ReturnType<typeof usePhotoFilter>;
