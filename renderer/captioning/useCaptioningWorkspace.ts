import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo, Tile } from '../../electron/api';
import { useTransport } from '../api/context';
import { useUnloadFlush } from '../app/useUnloadFlush';
import type { Autosaver } from '../caption/autosaver';
import { cullingCommand } from '../culling/culling-keys';
import { useCulling } from '../culling/useCulling';
import { FieldsSaver } from '../fields/fields-saver';
import { usePhotoFilter } from '../search/usePhotoFilter';
import { usePhotoSelection } from '../selection/usePhotoSelection';

export type Dialog = 'findReplace' | 'settings' | 'help';

export interface GridKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The captioning tools' state for the photo workspace: search and "needs review"
 * filter, the multi-selection, culling, the fields saver, and which panel or dialog is
 * open. App keeps the grid, editor and keyboard wiring it already had.
 */
export function useCaptioningWorkspace({
  folder,
  tiles,
  autosaver,
  applySaved,
}: {
  folder: string | undefined;
  tiles: Tile[];
  autosaver: Autosaver;
  applySaved: (folder: string, saved: Photo | readonly Photo[]) => void;
}) {
  const { api } = useTransport();
  const filter = usePhotoFilter(folder, tiles);
  const beforeMove = useCallback(() => void autosaver.flush(), [autosaver]);
  const selection = usePhotoSelection(folder, filter.shown, beforeMove);
  const [fieldsSaver] = useState(() => new FieldsSaver((args) => api.setFields(args)));
  const [templateOpen, setTemplateOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cull = useCulling(folder, applySaved, setFlash);

  useEffect(
    () => fieldsSaver.onSaved((f, photos) => applySaved(f, photos)),
    [fieldsSaver, applySaved],
  );
  useUnloadFlush(fieldsSaver);

  const flushCaption = useCallback(() => autosaver.flush(), [autosaver]);

  /** Culling keys and Ctrl/Cmd+A; true when the key was one of them. */
  const onGridKey = (event: GridKey): boolean => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      selection.selectAll();
      return true;
    }
    if (mod || event.altKey) return false;
    const command = cullingCommand(event.key);
    if (!command || !selection.selected) return false;
    cull(command, selection.selected, selection.selectedTiles);
    return true;
  };

  const isGridKey = (event: GridKey) =>
    !event.ctrlKey && !event.metaKey && !event.altKey && cullingCommand(event.key) !== null;

  return {
    folder,
    filter,
    selection,
    fieldsSaver,
    templateOpen,
    toggleTemplate: () => setTemplateOpen((open) => !open),
    closeTemplate: () => setTemplateOpen(false),
    dialog,
    setDialog,
    flash,
    setFlash,
    searchRef,
    onGridKey,
    isGridKey,
    flushCaption,
  };
}

export type CaptioningWorkspace = ReturnType<typeof useCaptioningWorkspace>;
