import type { Credentials } from '../../electron/contract/credentials';

/** A validator's answer for tests: nothing known beyond the state unless `over` says so. */
export const testVerdict = (over: Partial<Credentials> = {}): Credentials => ({
  file: 'a.jpg',
  state: 'trusted',
  manifest: null,
  signer: null,
  signedAt: null,
  generator: null,
  camera: null,
  actions: [],
  ingredients: [],
  problems: [],
  revokedAt: null,
  error: null,
  ...over,
});
