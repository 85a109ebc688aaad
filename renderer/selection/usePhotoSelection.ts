import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Tile } from '../../electron/contract/api';
import { resolveSelection, type Selection } from '../app/selection';
import { NO_MARKS, pick, selectAll, selectedFiles, type Marks, type PickHow } from './marks';

interface State extends Selection {
  marks: Marks;
}

/**
 * The current photo (followed through re-listings, see resolveSelection) and the
 * multi-selection around it. `beforeMove` runs before the current photo changes: the
 * caption being typed is flushed for the photo it belongs to.
 */
export function usePhotoSelection(
  folder: string | undefined,
  tiles: Tile[],
  beforeMove: () => void,
) {
  const [state, setState] = useState<State | null>(null);
  const selectedIndex = resolveSelection(folder, tiles, state);
  const selected = tiles[selectedIndex] ?? null;
  // Re-listing moved or removed the selected file: remember where the selection is now,
  // so that a later removal keeps it in place (React's "adjust state while rendering").
  if (
    folder &&
    selected &&
    state &&
    state.folder === folder &&
    (state.index !== selectedIndex || state.file !== selected.file)
  ) {
    setState({ ...state, file: selected.file, index: selectedIndex });
  }

  const order = useMemo(() => tiles.map((t) => t.file), [tiles]);
  const marks = state && state.folder === folder ? state.marks : NO_MARKS;
  const current = selected?.file ?? null;
  const files = useMemo(() => selectedFiles(marks, order, current), [marks, order, current]);
  const selectedSet = useMemo(() => new Set(files), [files]);

  // Read by the callbacks below, which must stay stable for the memoized tiles.
  const live = useRef({ order, current });
  useEffect(() => {
    live.current = { order, current };
  }, [order, current]);

  const select = useCallback(
    (index: number, file: string, how: PickHow = 'only') => {
      if (!folder) return;
      const { order: now, current: shown } = live.current;
      if (file !== shown) beforeMove();
      setState((prev) => {
        const mine = prev?.folder === folder ? prev : null;
        const r = pick(mine?.marks ?? NO_MARKS, now, shown, file, how);
        const at = now.indexOf(r.current);
        return { folder, file: r.current, index: at >= 0 ? at : index, marks: r.marks };
      });
    },
    [folder, beforeMove],
  );

  const all = useCallback(() => {
    if (!folder) return;
    const { order: now, current: shown } = live.current;
    if (shown === null) return;
    setState({ folder, file: shown, index: now.indexOf(shown), marks: selectAll(now, shown) });
  }, [folder]);

  const selectedTiles = useMemo(
    () => tiles.filter((t) => selectedSet.has(t.file)),
    [tiles, selectedSet],
  );

  return {
    selectedIndex,
    selected,
    selectedFiles: files,
    selectedSet,
    selectedTiles,
    select,
    selectAll: all,
  };
}

export type PhotoSelection = ReturnType<typeof usePhotoSelection>;
