import { useEffect, useState } from 'react';
import type { SigningIdentity } from '../../electron/contract/api';
import { useTransport } from '../api/context';

/**
 * Whether this package's photos are signed: on by default when a signing identity is set,
 * and following the identity as Settings change it. `sent` is what buildPackage gets.
 */
export function useSigning() {
  const { api, onEvent } = useTransport();
  const [identity, setIdentity] = useState<SigningIdentity | null>(null);
  const [wanted, setWanted] = useState(true);
  useEffect(() => {
    let live = true;
    api.getSigningIdentity({}).then(
      (i) => live && setIdentity(i),
      () => live && setIdentity(null),
    );
    const off = onEvent((e) => {
      if (e.type === 'credentialsChanged') setIdentity(e.identity);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, onEvent]);
  return { identity, wanted, setWanted, sent: identity ? wanted : false };
}

export type Signing = ReturnType<typeof useSigning>;
