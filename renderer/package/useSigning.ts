import { useState } from 'react';
import { useSigningIdentity } from '../credentials/useSigningIdentity';

/**
 * Whether this package's photos are signed: on by default when a signing identity is set,
 * and following the identity as Settings change it. `sent` is what buildPackage gets.
 */
export function useSigning() {
  // Not known, or not readable: the dialog offers no signing and says so.
  const identity = useSigningIdentity()[0] ?? null;
  const [wanted, setWanted] = useState(true);
  return { identity, wanted, setWanted, sent: identity ? wanted : false };
}

export type Signing = ReturnType<typeof useSigning>;
