import { useEffect, useRef, useState } from 'react';
import type { SigningIdentity } from '../../electron/contract/api';
import { useTransport } from '../api/context';

/**
 * The signing identity as the core has it, following every change (Settings in another
 * window, the CLI): undefined until asked, null when none is set. `onError`: the first ask failed.
 */
export function useSigningIdentity(onError?: (err: unknown) => void) {
  const { api, onEvent } = useTransport();
  const [identity, setIdentity] = useState<SigningIdentity | null | undefined>(undefined);
  const failed = useRef(onError);
  useEffect(() => {
    failed.current = onError;
  });
  useEffect(() => {
    let live = true;
    api.getSigningIdentity({}).then(
      (i) => live && setIdentity(i),
      (err: unknown) => live && failed.current?.(err),
    );
    const off = onEvent((e) => {
      if (e.type === 'credentialsChanged') setIdentity(e.identity);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, onEvent]);
  return [identity, setIdentity] as const;
}
