import { useMemo, useState } from 'react';
import type { Tile } from '../../electron/api';
import { matchesSearch, searchTerms } from './photo-search';

interface FilterState {
  folder: string | undefined;
  query: string;
  issuesOnly: boolean;
  /**
   * Photos that matched when the filter was set. They stay shown while they are being
   * worked on: fixing a caption must not make the photo vanish under the reporter's hands.
   */
  pinned: ReadonlySet<string>;
}

const hasIssues = (t: Tile) => t.issues.length > 0;

function matching(tiles: Tile[], query: string, issuesOnly: boolean): Set<string> {
  const terms = searchTerms(query);
  return new Set(
    tiles
      .filter((t) => (!issuesOnly || hasIssues(t)) && matchesSearch(t, terms))
      .map((t) => t.file),
  );
}

/** The grid's search box and "needs review" filter. */
export function usePhotoFilter(folder: string | undefined, tiles: Tile[]) {
  const [state, setState] = useState<FilterState>({
    folder,
    query: '',
    issuesOnly: false,
    pinned: new Set(),
  });
  const mine = state.folder === folder ? state : { ...state, query: '', issuesOnly: false };
  const { query, issuesOnly, pinned } = mine;
  const terms = useMemo(() => searchTerms(query), [query]);
  const active = terms.length > 0 || issuesOnly;

  const shown = useMemo(() => {
    if (!active) return tiles;
    return tiles.filter(
      (t) => pinned.has(t.file) || ((!issuesOnly || hasIssues(t)) && matchesSearch(t, terms)),
    );
  }, [active, tiles, pinned, issuesOnly, terms]);

  const issueCount = useMemo(() => tiles.filter(hasIssues).length, [tiles]);

  const set = (next: { query: string; issuesOnly: boolean }) =>
    setState({ folder, ...next, pinned: matching(tiles, next.query, next.issuesOnly) });

  return {
    query,
    issuesOnly,
    active,
    shown,
    total: tiles.length,
    issueCount,
    setQuery: (q: string) => set({ query: q, issuesOnly }),
    toggleIssues: () => set({ query, issuesOnly: !issuesOnly }),
    clear: () => set({ query: '', issuesOnly: false }),
  };
}

export type PhotoFilter = ReturnType<typeof usePhotoFilter>;
