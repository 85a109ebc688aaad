/**
 * One photo's Content Credentials, validated, with a cache keyed on the file's size,
 * time and the trust list, so a grid of a thousand signed frames is hashed once.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

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

interface Cached {
  size: number;
  mtimeMs: number;
  trust: LoadedTrust;
  result: Credentials;
}

export class CredentialsCache {
  private readonly entries = new Map<string, Cached>();
  /** One file at a time: c2pa-rs is single-threaded, and each file is read whole. */
  private queue: Promise<unknown> = Promise.resolve();

  async inspect(
    path: string,
    trust: LoadedTrust,
    carries: boolean | null = null,
    /** Waits while a picture someone is looking at is being made: validation is background work. */
    yieldTo: () => Promise<void> = async () => undefined,
  ): Promise<Credentials> {
    const file = basename(path);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      return { ...noCredentials(file), error: String((err as Error)?.message ?? err) };
    }
    const hit = this.entries.get(path);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.trust === trust)
      return hit.result;
    // The scan already knows whether the file carries a store; without one, nothing to hash.
    if (carries === false) return noCredentials(file);
    const run = this.queue.then(async () => {
      await yieldTo();
      const bytes = await readWhole(path, st.size);
      return inspectBytes(file, bytes, trust);
    });
    this.queue = run.catch(() => undefined);
    let result: Credentials;
    try {
      result = await run;
    } catch (err) {
      return { ...noCredentials(file), error: String((err as Error)?.message ?? err) };
    }
    this.entries.set(path, { size: st.size, mtimeMs: st.mtimeMs, trust, result });
    return result;
  }
}

async function readWhole(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
