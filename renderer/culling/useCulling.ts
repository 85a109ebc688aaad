import { useCallback } from 'react';
import type { Photo, Tile } from '../../electron/api';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';
import { groupChanges, type CullingCommand } from './culling-keys';

/**
 * Culling is done at the speed of a key repeat, so the tiles change at once and the
 * sidecars follow; a failed write puts the photos back as they were and says why.
 */
export function useCulling(
  folder: string | undefined,
  applySaved: (folder: string, photo: Photo) => void,
  onError: (message: string) => void,
) {
  const { api } = useTransport();
  return useCallback(
    (command: CullingCommand, current: Tile, photos: Tile[]) => {
      if (!folder || photos.length === 0) return;
      for (const { files, change } of groupChanges(command, current, photos)) {
        const before = photos.filter((p) => files.includes(p.file));
        for (const p of before) applySaved(folder, { ...p, ...change });
        api.setFields({ folder, files, culling: change }).then(
          (saved) => saved.forEach((p) => applySaved(folder, p)),
          (err: unknown) => {
            for (const p of before) applySaved(folder, p);
            onError(errorMessage(err));
          },
        );
      }
    },
    [api, folder, applySaved, onError],
  );
}
