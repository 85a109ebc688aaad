import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvent, Folder, Photo, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { applyChanges, applyThumbs, EMPTY, opened, type PhotoState } from '../store/photo-store';

export type NoticeKind = 'open' | 'thumbnails';
export interface Notice {
  kind: NoticeKind;
  failure: Failure;
}

export interface Progress {
  folder: string;
  done: number;
  total: number;
}

interface SessionState {
  phase: 'opening' | 'ready' | 'failed';
  folder: Folder | null;
  photos: PhotoState;
  notice: Notice | null;
}

type Opened = { folder: Folder; photos: Tile[] };

/**
 * The open folder and its tiles: one store (see store/photo-store.ts) fed by the open
 * result and the core's events — `photosChanged` carries every photo the core wrote or
 * read again, ours and other programs' alike, so nothing here ever re-lists the folder.
 * Every asynchronous answer is checked against the folder it was asked for: the user
 * may have opened another.
 */
export function useFolderSession() {
  const { api, onEvent } = useTransport();
  const [state, setState] = useState<SessionState>({
    phase: 'opening',
    folder: null,
    photos: EMPTY,
    notice: null,
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  // The folder whose thumbnail job has finished: the analysis reads those thumbnails.
  const [thumbsDoneFor, setThumbsDoneFor] = useState<string | null>(null);
  const openSeq = useRef(0);

  const buildThumbnails = useCallback(
    (seq: number, folder: Folder) =>
      api.buildThumbnails({ folder: folder.path }).then(
        () => {
          if (seq !== openSeq.current) return;
          setProgress(null);
          setThumbsDoneFor(folder.path);
        },
        (err: unknown) => {
          if (seq !== openSeq.current) return;
          setProgress(null);
          setState((s) => ({
            ...s,
            notice: { kind: 'thumbnails', failure: failureOf(err) },
          }));
        },
      ),
    [api],
  );

  const adopt = useCallback(
    (opening: () => Promise<Opened>) => {
      const seq = ++openSeq.current;
      setState((s) => ({ ...s, phase: 'opening', notice: null }));
      opening().then(
        ({ folder, photos }) => {
          if (seq !== openSeq.current) return;
          setState({
            phase: 'ready',
            folder,
            photos: opened(folder.path, photos),
            notice: null,
          });
          setProgress(null);
          // Not awaited: the grid shows at once with the previews cameras embed. The
          // build starts once that first screen has had its turn: two cores decoding
          // 24 MP files would otherwise hold up the very pictures being waited for.
          void afterFirstScreen().then(() =>
            seq !== openSeq.current ? undefined : buildThumbnails(seq, folder),
          );
        },
        (err: unknown) => {
          if (seq !== openSeq.current) return;
          setState((s) => ({
            ...s,
            phase: s.folder ? 'ready' : 'failed',
            notice: { kind: 'open', failure: failureOf(err) },
          }));
        },
      );
    },
    [buildThumbnails],
  );

  // A core that crashed and came back has the folder open again, but its thumbnail job
  // died with it: start it again, and drop the notice that reported the crash.
  const folderNow = state.folder;
  useEffect(
    () =>
      onEvent((event: ApiEvent) => {
        if (event.type !== 'coreRestarted' || !folderNow) return;
        setState((s) => (s.notice?.kind === 'thumbnails' ? { ...s, notice: null } : s));
        void buildThumbnails(openSeq.current, folderNow);
      }),
    [onEvent, buildThumbnails, folderNow],
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
          notice: { kind: 'open', failure: failureOf(err) },
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, adopt]);

  useEffect(() => {
    const readyThumbs = new Map<string, Map<string, string>>();
    let frame = 0;
    // Thumbnails arrive in bursts of hundreds; one state update per frame keeps typing smooth.
    const flushThumbs = () => {
      frame = 0;
      const ready = new Map(readyThumbs);
      readyThumbs.clear();
      setState((s) => {
        let photos = s.photos;
        for (const [folder, thumbs] of ready) photos = applyThumbs(photos, folder, thumbs);
        return photos === s.photos ? s : { ...s, photos };
      });
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
        case 'thumbnailReady': {
          let thumbs = readyThumbs.get(event.folder);
          if (!thumbs) readyThumbs.set(event.folder, (thumbs = new Map()));
          thumbs.set(event.file, event.thumb);
          if (!frame) frame = requestAnimationFrame(flushThumbs);
          return;
        }
        case 'photosChanged':
          setState((s) => {
            const photos = applyChanges(s.photos, event.folder, event.photos, event.removed);
            return photos === s.photos ? s : { ...s, photos };
          });
          return;
      }
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [onEvent]);

  /**
   * A write's result, applied at once: the same data its photosChanged event brings,
   * which may arrive a moment later (or, over a dropped event stream, not at all).
   */
  const applySaved = useCallback((folder: string, saved: Photo | readonly Photo[]) => {
    setState((s) => {
      const photos = applyChanges(s.photos, folder, 'file' in saved ? [saved] : saved);
      return photos === s.photos ? s : { ...s, photos };
    });
  }, []);

  const dismissNotice = useCallback(() => setState((s) => ({ ...s, notice: null })), []);

  const folderProgress =
    progress && state.folder && progress.folder === state.folder.path ? progress : null;

  return {
    phase: state.phase,
    folder: state.folder,
    tiles: state.photos.tiles,
    notice: state.notice,
    progress: folderProgress,
    thumbnailsDone: !!state.folder && thumbsDoneFor === state.folder.path,
    openPath,
    openSample,
    applySaved,
    dismissNotice,
  };
}

export type FolderSession = ReturnType<typeof useFolderSession>;

/**
 * After the next two frames and a breath: the first screen's pictures have been asked for.
 * A hidden window draws no frames, so a second's wait stands in for them there.
 */
function afterFirstScreen(): Promise<void> {
  return new Promise((resolve) => {
    const hidden = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(hidden);
          resolve();
        }, 300),
      ),
    );
  });
}
