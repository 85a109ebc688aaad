/**
 * The benchmark photos as a C2PA camera would write them: `<bench folder>-c2pa`, each
 * photo signed with c2pa.created by a test PKI kept in the folder's `test-pki/`. Signing
 * is what a package build adds per photo, so it is timed; a complete folder is reused.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import { signDerivative } from '../electron/core/credentials/sign-derivative';
import { makeTestPki } from '../test/helpers/c2pa-pki';
import { identityOf, NO_METADATA } from '../test/helpers/signed-photos';

/** Bump when the signing changes, so stale folders are signed again. */
const SIGNED_VERSION = 1;

export interface SignedFolder {
  dir: string;
  /** Absolute paths, in the same order as the unsigned files. */
  files: string[];
  /** The test CA: what the trust list must hold for the photos to be trusted. */
  caPem: string;
  reused: boolean;
  /** Time spent in signDerivative over all N photos (no reading or writing); null when reused. */
  signMs: number | null;
}

interface Marker {
  version: number;
  /** Per name: the signed file's size, and the source's size and ctime when it was signed. */
  files: Record<string, { bytes: number; sourceBytes: number; sourceCtimeMs: number }>;
}

const markerPath = (dir: string) => `${dir}.complete.json`;

async function sourceStamp(file: string) {
  const st = await stat(file);
  return { sourceBytes: st.size, sourceCtimeMs: st.ctimeMs };
}

/** Reusable when every signed file is as recorded and every source is the one it was signed from. */
async function reusable(dir: string, sources: readonly string[]): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(markerPath(dir), 'utf8')) as Marker;
    if (marker.version !== SIGNED_VERSION) return false;
    if (Object.keys(marker.files).length !== sources.length) return false;
    await stat(path.join(dir, 'test-pki', 'ca.pem'));
    for (const source of sources) {
      const name = path.basename(source);
      const want = marker.files[name];
      if (!want || (await stat(path.join(dir, name))).size !== want.bytes) return false;
      const now = await sourceStamp(source);
      if (now.sourceBytes !== want.sourceBytes || now.sourceCtimeMs !== want.sourceCtimeMs)
        return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** "Canon EOS R5 Mark II" from the generated files' EXIF, bound as a camera binds it. */
async function cameraOf(file: string): Promise<{ make: string | null; model: string | null }> {
  const tags = (await exifr.parse(file, { pick: ['Make', 'Model'] })) as
    { Make?: string; Model?: string } | undefined;
  return { make: tags?.Make ?? null, model: tags?.Model ?? null };
}

export async function ensureSignedFolder(
  benchDir: string,
  sources: readonly string[],
): Promise<SignedFolder> {
  const dir = `${benchDir}-c2pa`;
  const pkiDir = path.join(dir, 'test-pki');
  const files = sources.map((s) => path.join(dir, path.basename(s)));
  if (await reusable(dir, sources)) {
    const caPem = await readFile(path.join(pkiDir, 'ca.pem'), 'utf8');
    return { dir, files, caPem, reused: true, signMs: null };
  }

  await rm(markerPath(dir), { force: true });
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pki = await makeTestPki(pkiDir);
  const identity = identityOf(pki.signer);
  const camera = await cameraOf(sources[0]!);
  const cameraName = [camera.make, camera.model].join(' ').trim() || 'Bench camera';
  const marker: Marker = { version: SIGNED_VERSION, files: {} };
  let signMs = 0;
  for (const [i, source] of sources.entries()) {
    const stamp = await sourceStamp(source);
    const bytes = await readFile(source);
    const started = performance.now();
    const signed = await signDerivative(bytes, identity, {
      title: path.basename(source),
      parent: null,
      actions: [],
      metadata: { ...NO_METADATA, ...camera },
      softwareAgent: { name: cameraName, version: '1.0' },
    });
    signMs += performance.now() - started;
    await writeFile(files[i]!, signed.data);
    marker.files[path.basename(source)] = { bytes: signed.data.length, ...stamp };
  }
  await writeFile(markerPath(dir), JSON.stringify(marker));
  return { dir, files, caPem: pki.caPem, reused: false, signMs };
}

export async function removeSignedFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await rm(markerPath(dir), { force: true });
}
