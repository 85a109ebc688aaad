import { useCallback } from 'react';
import type { Photo, Tile } from '../../electron/api';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';
import { groupChanges, type CullingCommand } from './culling-keys';

/**
 * Culling is done at the speed of a key repeat, so the tiles change at once and the
 * sidecars follow in one atomic setCulling call for the whole selection (the core
 * orders it with every other write to those sidecars); a failed write puts the photos
 * back as they were and says why.
 */
export function useCulling(
  folder: string | undefined,
  applySaved: (folder: string, photos: readonly Photo[]) => void,
  onError: (message: string) => void,
) {
  const { api } = useTransport();
  return useCallback(
    (command: CullingCommand, current: Tile, photos: Tile[]) => {
      if (!folder || photos.length === 0) return;
      const changes = groupChanges(command, current, photos).flatMap(({ files, change }) =>
        files.map((file) => ({ file, culling: change })),
      );
      if (!changes.length) return;
      const byFile = new Map(changes.map((c) => [c.file, c.culling]));
      const before = photos.filter((p) => byFile.has(p.file));
      applySaved(
        folder,
        before.map((p) => ({ ...p, ...byFile.get(p.file) })),
      );
      api.setCulling({ folder, changes }).then(
        (saved) => applySaved(folder, saved),
        (err: unknown) => {
          applySaved(folder, before);
          onError(errorMessage(err));
        },
      );
    },
    [api, folder, applySaved, onError],
  );
}
