/** One file's Content Credentials, validated against a trust list. */
import type { Credentials } from '../../contract/api';
import { NO_MANIFEST, mimeOf, readManifestStore } from './c2pa-reader';
import { manifestStoreOf, signerCertificateOf } from './manifest-bytes';
import { corrupt, noCredentials, summarize } from './summarize';
import { revokedAt, type LoadedTrust } from './trust-list';

/** Validate the bytes of one file (a photo on disk or an export in memory). */
export async function inspectBytes(
  file: string,
  bytes: Uint8Array,
  trust: LoadedTrust,
): Promise<Credentials> {
  const mime = mimeOf(bytes.subarray(0, 16));
  if (!mime) return noCredentials(file);
  let store;
  try {
    store = await readManifestStore(bytes, mime, trust.anchorsPem);
  } catch (err) {
    const why = String((err as Error)?.message ?? err);
    // c2pa-rs says "not found" when there is no store; anything else is a store that does not parse.
    return NO_MANIFEST.test(why) && !manifestStoreOf(bytes)
      ? noCredentials(file)
      : corrupt(file, why);
  }
  const cert = signerCertificateOf(manifestStoreOf(bytes));
  const revoked = cert ? await revokedAt(trust, cert.der) : null;
  return summarize(file, store, { issuer: cert?.issuer ?? null, revokedAt: revoked });
}
