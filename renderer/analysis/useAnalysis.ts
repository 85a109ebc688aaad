import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiEvent } from '../../electron/contract/api';
import type { PhotoAnalysis } from '../../electron/contract/cull';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { stackBests } from './badges';
import { mergeAnalysis } from './merge-analysis';

export interface AnalysisProgress {
  done: number;
  total: number;
}

interface State {
  folder: string | null;
  analysis: ReadonlyMap<string, PhotoAnalysis>;
  progress: AnalysisProgress | null;
  error: Failure | null;
}

const empty = (folder: string | null): State => ({
  folder,
  analysis: new Map(),
  progress: null,
  error: null,
});

/**
 * The assisted culling of the open folder, file → analysis, kept current by events.
 * Started once the thumbnails are built: the analysis reads them, and starting earlier
 * would race the thumbnail job for the same photos. Photos arriving later (a card still
 * copying) start it again; the core measures only what it has not seen.
 */
export function useAnalysis(folder: string | undefined, thumbnailsDone: boolean) {
  const { api, onEvent } = useTransport();
  const [state, setState] = useState<State>(() => empty(folder ?? null));
  const [runs, setRuns] = useState(0);

  // Another folder: forget the last one's results at once.
  if ((folder ?? null) !== state.folder) setState(empty(folder ?? null));
  const known = useRef(state.analysis);
  useEffect(() => {
    known.current = state.analysis;
  }, [state.analysis]);

  useEffect(() => {
    if (!folder) return;
    return onEvent((event: ApiEvent) => {
      if (!('folder' in event) || event.folder !== folder) return;
      switch (event.type) {
        case 'analysisReady':
          setState((s) =>
            s.folder === folder ? { ...s, analysis: mergeAnalysis(s.analysis, event) } : s,
          );
          return;
        case 'progress':
          if (event.job !== 'analysis') return;
          setState((s) =>
            s.folder === folder
              ? {
                  ...s,
                  progress:
                    event.done >= event.total ? null : { done: event.done, total: event.total },
                }
              : s,
          );
          return;
        // Only new photos start another run: a saved caption changes nothing measured.
        case 'photosChanged':
          if (event.photos.some((p) => !known.current.has(p.file))) setRuns((n) => n + 1);
          return;
      }
    });
  }, [folder, onEvent]);

  useEffect(() => {
    if (!folder || !thumbnailsDone) return;
    let cancelled = false;
    api
      .analyzeFolder({ folder })
      // Catches batches sent before this window's event stream was up.
      .then(() => api.getAnalysis({ folder }))
      .then(
        (known) => {
          if (cancelled) return;
          setState((s) =>
            s.folder === folder
              ? {
                  ...s,
                  analysis: mergeAnalysis(s.analysis, known),
                  progress: null,
                  error: null,
                }
              : s,
          );
        },
        (err: unknown) => {
          if (cancelled) return;
          setState((s) =>
            s.folder === folder ? { ...s, progress: null, error: failureOf(err) } : s,
          );
        },
      );
    return () => {
      cancelled = true;
    };
  }, [api, folder, thumbnailsDone, runs]);

  const best = useMemo(() => stackBests(state.analysis), [state.analysis]);
  return { analysis: state.analysis, best, progress: state.progress, error: state.error };
}

export type FolderAnalysis = ReturnType<typeof useAnalysis>;
