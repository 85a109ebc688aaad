import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiEvent, Tile } from '../../electron/contract/api';
import type { Credentials } from '../../electron/contract/credentials';
import type { Failure } from '../api/errors';
import { useTransport } from '../api/context';
import { CredentialsLoader, type Wanted } from './credentials-loader';

export interface FolderCredentials {
  /** file → verdict, for the photos the scan saw a manifest store in. */
  results: ReadonlyMap<string, Credentials>;
  /** file → why it could not be asked. */
  failures: ReadonlyMap<string, Failure>;
}

export interface CredentialsOfFolder extends FolderCredentials {
  /** Ask this photo before the rest (the selected one: the information panel shows it). */
  prioritize: (file: string | null) => void;
}

/**
 * Which bytes a verdict is for: the size, and the modification time the full-size media
 * path carries (photo-tiles.ts). A saved caption lives in the sidecar and changes neither.
 */
const versionOf = (t: Tile) => `${t.bytes}\u0000${t.full ?? ''}`;

const NOTHING: FolderCredentials = { results: new Map(), failures: new Map() };

/**
 * The Content Credentials of the open folder's signed photos, file → verdict. Only photos
 * whose `credentials` flag is set are asked about (the others have none); they are asked
 * in batches behind the grid (credentials-loader.ts), the selected one first. A photo
 * whose file changed (photosChanged brings another size or time) is asked again; a new
 * trust list (credentialsChanged) makes every verdict stale.
 */
export function useCredentials(
  folder: string | undefined,
  tiles: readonly Tile[],
): CredentialsOfFolder {
  const { api, onEvent } = useTransport();
  const [state, setState] = useState<{ folder: string | undefined; value: FolderCredentials }>({
    folder,
    value: NOTHING,
  });
  // Built without side effects (nothing is asked before `want`); started and stopped by
  // the effect below, so a remount (StrictMode) starts it again.
  const loader = useMemo(() => {
    if (!folder) return null;
    const made: CredentialsLoader = new CredentialsLoader(
      (files) => api.credentials({ folder, files }),
      () => setState({ folder, value: { results: made.results, failures: made.failures } }),
    );
    return made;
  }, [api, folder]);

  useEffect(() => {
    if (!loader) return;
    loader.start();
    // The same event says the signing identity changed; that changes no verdict, so a
    // trust list seen before is not a reason to drop them (the first event always is).
    let trustSeen: string | null = null;
    const off = onEvent((event: ApiEvent) => {
      if (event.type !== 'credentialsChanged' || event.trust.pem === trustSeen) return;
      trustSeen = event.trust.pem;
      loader.reset();
    });
    return () => {
      off();
      loader.stop();
    };
  }, [loader, onEvent]);

  // Recomputed when the tiles change; the loader itself asks only for what is new.
  const wanted = useMemo(() => {
    const out: Wanted[] = [];
    for (const t of tiles) if (t.credentials) out.push({ file: t.file, version: versionOf(t) });
    return out;
  }, [tiles]);
  useEffect(() => loader?.want(wanted), [loader, wanted]);
  const prioritize = useCallback((file: string | null) => loader?.prioritize(file), [loader]);

  const value = state.folder === folder ? state.value : NOTHING;
  return useMemo(() => ({ ...value, prioritize }), [value, prioritize]);
}
