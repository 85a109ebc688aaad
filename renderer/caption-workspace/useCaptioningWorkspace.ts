import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Photo, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { useUnloadFlush } from '../app/useUnloadFlush';
import type { Autosaver } from '../caption-editor/autosaver';
import { cullingCommand, type CullingChange, type CullingCommand } from '../culling/culling-keys';
import { describeCulling } from '../culling/describe';
import { undoKey } from '../culling/bulk-marks';
import { useCulling, type CullingStatus } from '../culling/useCulling';
import { useClockOffsets } from '../filter/useClockOffsets';
import { compareFiles } from '../loupe/compare-files';
import { useI18n } from '../i18n/context';
import { MOD } from '../shortcuts/keys';
import { FieldsSaver } from '../fields/fields-saver';
import { usePhotoFilter } from '../search/usePhotoFilter';
import { usePhotoSelection } from '../selection/usePhotoSelection';
import { useAnalysis } from '../analysis/useAnalysis';
import { applyAnalysisFilter, type AnalysisFilter } from '../analysis/filters';
import type { Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import { useCredentials } from '../credentials/useCredentials';

const NO_ANALYSIS_FILTER: AnalysisFilter = { hideSoft: false, onePerStack: false };

export type Dialog = 'findReplace' | 'settings' | 'help' | 'clocks';

/** The full-window views over the grid: the loupe on the current photo, or compare. */
export type Viewer = { kind: 'loupe' } | { kind: 'compare'; files: string[] };

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
  thumbnailsDone,
}: {
  folder: string | undefined;
  tiles: Tile[];
  autosaver: Autosaver;
  applySaved: (folder: string, saved: Photo | readonly Photo[]) => void;
  /** The folder's thumbnails are built: the assisted culling can read them. */
  thumbnailsDone: boolean;
}) {
  const { api } = useTransport();
  const { m, lang } = useI18n();
  const clocks = useClockOffsets(folder);
  const credentials = useCredentials(folder, tiles);
  const { results: verdicts } = credentials;
  const verdictOf = useCallback((file: string) => verdicts.get(file)?.state, [verdicts]);
  const filter = usePhotoFilter(folder, tiles, clocks.offsets, verdictOf);
  const beforeMove = useCallback(() => void autosaver.flush(), [autosaver]);
  const analysis = useAnalysis(folder, thumbnailsDone);
  const [analysisFilter, setAnalysisFilter] = useState<AnalysisFilter>(NO_ANALYSIS_FILTER);
  // Soft frames and the rest of each stack go before selection sees the list, so keys
  // and ranges move over what is shown.
  const shown = useMemo(
    () => applyAnalysisFilter(filter.shown, analysis.analysis, analysisFilter) as Tile[],
    [filter.shown, analysis.analysis, analysisFilter],
  );
  const selection = usePhotoSelection(folder, shown, beforeMove);
  const { prioritize } = credentials;
  const selectedFile = selection.selected?.file ?? null;
  useEffect(() => prioritize(selectedFile), [prioritize, selectedFile]);
  const [fieldsSaver] = useState(() => new FieldsSaver((args) => api.setFields(args)));
  const [templateOpen, setTemplateOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const onStatus = useCallback(
    ({ kind, what }: CullingStatus) => {
      if (kind === 'done') setStatus(`${what} · ${m.undoHint(MOD)}`);
      else if (kind === 'undone') setStatus(`${m.undone(what)} · ${m.redoHint(MOD)}`);
      else if (kind === 'redone') setStatus(`${m.redone(what)} · ${m.undoHint(MOD)}`);
      else setStatus(m.nothingToUndo);
    },
    [m],
  );
  const describe = useCallback(
    (command: CullingCommand, count: number, change: CullingChange) =>
      describeCulling(m, lang, command, count, change),
    [m, lang],
  );
  const onError = useCallback((failure: Failure) => setFlash(describeError(failure, m)), [m]);
  const culling = useCulling({ folder, tiles, applySaved, onError, onStatus, describe });
  const cull = culling.cull;

  useEffect(
    () => fieldsSaver.onSaved((f, photos) => applySaved(f, photos)),
    [fieldsSaver, applySaved],
  );
  useUnloadFlush(fieldsSaver);

  const flushCaption = useCallback(() => autosaver.flush(), [autosaver]);

  /**
   * Culling keys, undo/redo of marks, Ctrl/Cmd+A, Space (loupe) and C (compare); true
   * when the key was one of them. Only the grid and the loupe call this, so Ctrl/Cmd+Z
   * in the caption editor stays the text's own undo.
   */
  const onGridKey = (event: GridKey): boolean => {
    const mod = event.ctrlKey || event.metaKey;
    const undo = undoKey(event);
    if (undo) {
      if (undo === 'undo') culling.undo();
      else culling.redo();
      return true;
    }
    if (!mod && !event.altKey && !event.shiftKey && event.key === ' ' && selection.selected) {
      setViewer({ kind: 'loupe' });
      return true;
    }
    if (!mod && !event.altKey && event.key.toLowerCase() === 'c' && selection.selected) {
      const order = shown.map((t) => t.file);
      const files = compareFiles(selection.selectedFiles, order, selection.selected.file);
      if (files.length < 2) {
        setStatus(m.compareNeed);
        return true;
      }
      setViewer({ kind: 'compare', files });
      return true;
    }
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
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    (cullingCommand(event.key) !== null || event.key === ' ' || event.key.toLowerCase() === 'c');

  return {
    folder,
    filter,
    shown,
    analysis,
    credentials,
    analysisFilter,
    setAnalysisFilter,
    selection,
    fieldsSaver,
    templateOpen,
    toggleTemplate: () => setTemplateOpen((open) => !open),
    closeTemplate: () => setTemplateOpen(false),
    dialog,
    setDialog,
    flash,
    setFlash,
    status,
    clocks,
    culling,
    viewer,
    setViewer,
    searchRef,
    onGridKey,
    isGridKey,
    flushCaption,
  };
}

export type CaptioningWorkspace = ReturnType<typeof useCaptioningWorkspace>;
