import type { Tile } from '../../electron/contract/api';

export interface Selection {
  folder: string;
  file: string;
  index: number;
}

/**
 * The selection follows the file through re-listings; if the file went away, the
 * selection stays at the same place in the grid rather than jumping to the top.
 */
export function resolveSelection(
  folder: string | undefined,
  tiles: Tile[],
  selection: Selection | null,
): number {
  if (tiles.length === 0) return -1;
  if (!selection || selection.folder !== folder) return 0;
  if (tiles[selection.index]?.file === selection.file) return selection.index;
  const byFile = tiles.findIndex((t) => t.file === selection.file);
  return byFile >= 0 ? byFile : Math.min(selection.index, tiles.length - 1);
}
