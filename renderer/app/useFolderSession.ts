import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent, Folder, Photo, Tile } from '../../electron/api';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';

export type NoticeKind = 'open' | 'relist' | 'thumbnails';
export interface Notice {
  kind: NoticeKind;
  message: string;
}

export interface Progress {
  folder: string;
  done: number;
  total: number;
}

interface SessionState {
  phase: 'opening' | 'ready' | 'failed';
  folder: Folder | null;
  tiles: Tile[];
  notice: Notice | null;
}

type Opened = { folder: Folder; photos: Tile[] };

/**
 * The open folder and its tiles, kept current by API events. Every asynchronous answer
 * is checked against the folder it was asked for: the user may have opened another.
 */
export function useFolderSession() {
  const { api, onEvent } = useTransport();
  const [state, setState] = useState<SessionState>({
    phase: 'opening',
    folder: null,
    tiles: [],
    notice: null,
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  const openSeq = useRef(0);

  const relist = useCallback(
    (folder: string) => {
      api.listPhotos({ folder }).then(
        (tiles) => setState((s) => (s.folder?.path === folder ? { ...s, tiles } : s)),
        (err: unknown) =>
          setState((s) =>
            s.folder?.path === folder
              ? { ...s, notice: { kind: 'relist', message: errorMessage(err) } }
              : s,
          ),
      );
    },
    [api],
  );

  const adopt = useCallback(
    (opening: () => Promise<Opened>) => {
      const seq = ++openSeq.current;
      setState((s) => ({ ...s, phase: 'opening', notice: null }));
      opening().then(
        ({ folder, photos }) => {
          if (seq !== openSeq.current) return;
          setState({ phase: 'ready', folder, tiles: photos, notice: null });
          setProgress(null);
          // Not awaited: the grid shows at once with whatever thumbnails exist.
          api.buildThumbnails({ folder: folder.path }).then(
            () => {
              if (seq !== openSeq.current) return;
              setProgress(null);
              // Catches thumbnails whose event arrived before the event stream was up.
              relist(folder.path);
            },
            (err: unknown) => {
              if (seq !== openSeq.current) return;
              setProgress(null);
              setState((s) => ({
                ...s,
                notice: { kind: 'thumbnails', message: errorMessage(err) },
              }));
            },
          );
        },
        (err: unknown) => {
          if (seq !== openSeq.current) return;
          setState((s) => ({
            ...s,
            phase: s.folder ? 'ready' : 'failed',
            notice: { kind: 'open', message: errorMessage(err) },
          }));
        },
      );
    },
    [api, relist],
  );

  const openPath = useCallback(
    (path: string) => adopt(() => api.openFolder({ path })),
    [adopt, api],
  );
  const openSample = useCallback(() => adopt(() => api.openSample({})), [adopt, api]);

  useEffect(() => {
    let cancelled = false;
    api.appInfo({}).then(
      (info) => {
        if (cancelled) return;
        const start = info.startFolder;
        adopt(() => (start ? api.openFolder({ path: start }) : api.openSample({})));
      },
      (err: unknown) => {
        if (cancelled) return;
        setState((s) => ({
          ...s,
          phase: 'failed',
          notice: { kind: 'open', message: errorMessage(err) },
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, adopt]);

  useEffect(() => {
    const readyThumbs = new Map<string, { folder: string; thumb: string }>();
    let frame = 0;
    // Thumbnails arrive in bursts of hundreds; one state update per frame keeps typing smooth.
    const flushThumbs = () => {
      frame = 0;
      const ready = new Map(readyThumbs);
      readyThumbs.clear();
      setState((s) => ({
        ...s,
        tiles: s.tiles.map((t) => {
          const r = ready.get(t.file);
          return r && r.folder === s.folder?.path
            ? { ...t, thumb: r.thumb, thumbNeedsRotation: false }
            : t;
        }),
      }));
    };

    const off = onEvent((event: ApiEvent) => {
      switch (event.type) {
        case 'progress':
          if (event.job !== 'thumbnails') return;
          setProgress(
            event.done >= event.total
              ? null
              : { folder: event.folder, done: event.done, total: event.total },
          );
          return;
        case 'thumbnailReady':
          readyThumbs.set(event.file, { folder: event.folder, thumb: event.thumb });
          if (!frame) frame = requestAnimationFrame(flushThumbs);
          return;
        case 'folderChanged':
          relist(event.folder);
          return;
      }
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [onEvent, relist]);

  /** A saved caption changes the tile's caption state at once, before any re-listing. */
  const applySaved = useCallback((folder: string, photo: Photo) => {
    setState((s) =>
      s.folder?.path === folder
        ? { ...s, tiles: s.tiles.map((t) => (t.file === photo.file ? { ...t, ...photo } : t)) }
        : s,
    );
  }, []);

  const dismissNotice = useCallback(() => setState((s) => ({ ...s, notice: null })), []);

  const folderProgress =
    progress && state.folder && progress.folder === state.folder.path ? progress : null;

  return {
    ...state,
    progress: folderProgress,
    openPath,
    openSample,
    applySaved,
    dismissNotice,
    /** Re-read a folder's photos after writes the watcher does not report (our own). */
    relist,
  };
}

export type FolderSession = ReturnType<typeof useFolderSession>;
