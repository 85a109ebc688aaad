import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { cullingChange, type CullingChange, type CullingCommand } from './culling-keys';
import { bulkChanges } from './bulk-marks';
import {
  EMPTY_UNDO,
  pushStep,
  redoStep,
  undoStep,
  type MarkChange,
  type UndoStack,
} from './undo-stack';

export interface CullingStatus {
  kind: 'done' | 'undone' | 'redone' | 'nothing';
  /** What was done, already in words (see describeCulling). */
  what: string;
}

/**
 * Culling is done at the speed of a key repeat, so the tiles change at once and the
 * sidecars follow, in ONE setCulling call however many photos are selected (the core
 * writes them all or none). A failed write puts the photos back and says why. Every
 * step goes on an undo stack; undo sends the previous marks back the same way.
 */
export function useCulling({
  folder,
  tiles,
  applySaved,
  onError,
  onStatus,
  describe,
}: {
  folder: string | undefined;
  /** Every photo of the folder (undo may reach photos the filter hides now). */
  tiles: Tile[];
  applySaved: (folder: string, photos: Photo | readonly Photo[]) => void;
  onError: (failure: Failure) => void;
  onStatus: (status: CullingStatus) => void;
  describe: (command: CullingCommand, count: number, change: CullingChange) => string;
}) {
  const { api } = useTransport();
  const [, setStackState] = useState<UndoStack>(EMPTY_UNDO);
  // Read and written synchronously: two key presses in one frame must both be undoable.
  const stack = useRef<UndoStack>(EMPTY_UNDO);
  const live = useRef(tiles);
  useEffect(() => {
    live.current = tiles;
  }, [tiles]);

  const setStack = useCallback((next: UndoStack) => {
    stack.current = next;
    setStackState(next);
  }, []);

  // The newest write of each photo: an older write's answer must not overwrite the marks
  // a later key (or an undo) has already shown. Writes are sent at once; the core runs a
  // folder's writes in the order they were called.
  const latest = useRef(new Map<string, number>());
  const writes = useRef(0);

  /** Show `changes` at once, write them in one call, and show `rollback` if that fails. */
  const send = useCallback(
    (to: string, changes: MarkChange[], rollback: MarkChange[]) => {
      const gen = ++writes.current;
      const mine = (file: string) => latest.current.get(file) === gen;
      // Tiles are read when shown, not before: a caption saved meanwhile stays.
      const show = (list: MarkChange[]) => {
        const byFile = new Map(live.current.map((t) => [t.file, t]));
        const shown: Photo[] = [];
        for (const { file, culling } of list) {
          const tile = byFile.get(file);
          if (tile) shown.push({ ...tile, ...culling });
        }
        // One store update for the whole selection, not one per photo.
        if (shown.length) applySaved(to, shown);
      };
      for (const c of changes) latest.current.set(c.file, gen);
      show(changes);
      api.setCulling({ folder: to, changes }).then(
        (saved) =>
          applySaved(
            to,
            saved.filter((p) => mine(p.file)),
          ),
        (err: unknown) => {
          show(rollback.filter((c) => mine(c.file)));
          onError(failureOf(err));
        },
      );
    },
    [api, applySaved, onError],
  );

  const cull = useCallback(
    (command: CullingCommand, current: Tile, photos: Tile[]) => {
      if (!folder || photos.length === 0) return;
      const { before, after } = bulkChanges(command, current, photos);
      const what = describe(command, photos.length, cullingChange(command, current, current));
      setStack(pushStep(stack.current, { folder, what, before, after }));
      send(folder, after, before);
      onStatus({ kind: 'done', what });
    },
    [folder, describe, send, setStack, onStatus],
  );

  const undo = useCallback(() => {
    if (!folder) return;
    const r = undoStep(stack.current, folder);
    if (!r) return onStatus({ kind: 'nothing', what: '' });
    setStack(r.stack);
    send(folder, r.step.before, r.step.after);
    onStatus({ kind: 'undone', what: r.step.what });
  }, [folder, send, setStack, onStatus]);

  const redo = useCallback(() => {
    if (!folder) return;
    const r = redoStep(stack.current, folder);
    if (!r) return onStatus({ kind: 'nothing', what: '' });
    setStack(r.stack);
    send(folder, r.step.after, r.step.before);
    onStatus({ kind: 'redone', what: r.step.what });
  }, [folder, send, setStack, onStatus]);

  return { cull, undo, redo };
}
