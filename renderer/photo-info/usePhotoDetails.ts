import { useEffect, useState } from 'react';
import type { Details } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';

type Loaded = { key: string; details: Details | null; error: Failure | null };

/**
 * Details of one photo. `revision` re-reads them when something the panel shows has
 * changed on disk (a first save creates the sidecar and changes the caption source).
 */
export function usePhotoDetails(folder: string, file: string, revision: string) {
  const { api } = useTransport();
  const key = `${folder}\u0000${file}\u0000${revision}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    api.photoDetails({ folder, file }).then(
      (details) => current && setLoaded({ key, details, error: null }),
      (err: unknown) => current && setLoaded({ key, details: null, error: failureOf(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, folder, file, key]);

  // Details of the previous photo must never show under this one; a re-read of the same
  // photo keeps the old values until the new ones arrive, so the panel does not flicker.
  const samePhoto = loaded?.key.startsWith(`${folder}\u0000${file}\u0000`) ?? false;
  return {
    details: samePhoto ? (loaded?.details ?? null) : null,
    error: samePhoto ? (loaded?.error ?? null) : null,
    loading: loaded?.key !== key,
  };
}
