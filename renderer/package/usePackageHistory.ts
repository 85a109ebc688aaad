import { useEffect, useRef, useState } from 'react';
import type { PackageEntry } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';

/** An article's packages as the core lists them from the folder, newest first. */
export interface PackageHistory {
  entries: PackageEntry[];
  /** Why the list could not be read; the last list read stays shown. */
  error: Failure | null;
}

const EMPTY: PackageHistory = { entries: [], error: null };

/**
 * The "Gói đã tạo" list of one article, from the core (the packages on disk, built by the
 * app or the CLI), kept current by its packagesChanged events: no polling, nothing in
 * localStorage. Read again when the article changes or a view using it mounts (the package
 * dialog opens): packages another process (the CLI) built meanwhile show up then.
 */
export function usePackageHistory(folder: string, articleId: string | null): PackageHistory {
  const { api, onEvent } = useTransport();
  const [state, setState] = useState<{ key: string; history: PackageHistory } | null>(null);
  const key = `${folder}\u0000${articleId ?? ''}`;
  // An event is newer than any list asked for before it: such a list is dropped.
  const generation = useRef(0);

  useEffect(() => {
    if (!articleId) return;
    const asked = ++generation.current;
    let live = true;
    api.listPackages({ folder, articleId }).then(
      (entries) => {
        if (live && asked === generation.current)
          setState({ key, history: { entries, error: null } });
      },
      (err: unknown) => {
        if (!live || asked !== generation.current) return;
        setState((s) => ({
          key,
          history: { entries: s?.key === key ? s.history.entries : [], error: failureOf(err) },
        }));
      },
    );
    return () => {
      live = false;
    };
  }, [api, folder, articleId, key]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'packagesChanged') return;
        if (event.folder !== folder || event.articleId !== articleId) return;
        generation.current++;
        setState({ key, history: { entries: event.packages, error: null } });
      }),
    [onEvent, folder, articleId, key],
  );

  return state?.key === key ? state.history : EMPTY;
}
