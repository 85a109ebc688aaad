import { join } from 'node:path';
import type { CoreOptions } from '../app-core-types';
import { CredentialsCache } from './credentials-cache';
import { SigningIdentityStore } from './signing-identity';
import { TrustListStore } from './trust-list';

/**
 * Where Content Credentials settings live: `<dataDir>/credentials/`. The signing key goes
 * to the keychain only in the desktop app; browser mode and the CLI have none.
 */
export function credentialsStores(opts: CoreOptions) {
  const dir = join(opts.dataDir, 'credentials');
  return {
    trust: new TrustListStore(dir),
    identity: new SigningIdentityStore(
      dir,
      opts.mode === 'electron' && opts.secrets ? opts.secrets : null,
      process.env.CAPTIONDESK_SIGNING_KEY || null,
    ),
    cache: new CredentialsCache(join(opts.cacheDir, 'credentials.json')),
  };
}
