import { useCallback, useEffect, useState } from 'react';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import type { ClockOffsets } from './capture-time';

interface State {
  folder: string | undefined;
  offsets: ClockOffsets;
  /** Why the saved offsets could not be read or written; the sort still works meanwhile. */
  error: { kind: 'load' | 'save'; failure: Failure } | null;
}

/**
 * The folder's per-camera clock corrections. A failure to read them sorts with none and
 * says why in the clock dialog; a failure to save keeps them for this session.
 */
export function useClockOffsets(folder: string | undefined) {
  const { api } = useTransport();
  const [state, setState] = useState<State>({ folder, offsets: {}, error: null });

  useEffect(() => {
    if (!folder) return;
    let live = true;
    api.getClockOffsets({ folder }).then(
      (offsets) => live && setState({ folder, offsets, error: null }),
      (err: unknown) =>
        live && setState({ folder, offsets: {}, error: { kind: 'load', failure: failureOf(err) } }),
    );
    return () => {
      live = false;
    };
  }, [api, folder]);

  const save = useCallback(
    (offsets: ClockOffsets) => {
      if (!folder) return;
      setState({ folder, offsets, error: null });
      api.setClockOffsets({ folder, offsets: { ...offsets } }).then(
        (saved) =>
          setState((s) => (s.folder === folder ? { folder, offsets: saved, error: null } : s)),
        (err: unknown) =>
          setState((s) =>
            s.folder === folder ? { ...s, error: { kind: 'save', failure: failureOf(err) } } : s,
          ),
      );
    },
    [api, folder],
  );

  const mine = state.folder === folder ? state : { folder, offsets: {}, error: null };
  return { offsets: mine.offsets, error: mine.error, save };
}
