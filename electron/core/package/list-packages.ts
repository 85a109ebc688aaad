import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PackageEntry } from '../../contract/api';
import { manifestSchema, type Manifest } from '../../contract/package-manifest';
import { openZip } from '../zip';
import { MANIFEST_PATH } from './verify';
import {
  absolutePath,
  readPackageJournal,
  type BuiltRecord,
  type VerifiedRecord,
} from './package-journal';

/** Where buildPackage puts an article's package when no --out is given. */
export function packagesDir(stateDir: string): string {
  return join(stateDir, 'packages');
}

/** The manifest of a zip through the safe reader, or null when there is none to read. */
async function readManifest(path: string): Promise<Manifest | null> {
  try {
    const zip = await openZip(path);
    try {
      const parsed = manifestSchema.safeParse(
        JSON.parse((await zip.read(MANIFEST_PATH)).toString('utf8')),
      );
      return parsed.success ? parsed.data : null;
    } finally {
      await zip.close();
    }
  } catch {
    return null;
  }
}

async function statOf(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

function verdictFor(
  verdict: VerifiedRecord | undefined,
  file: { size: number; mtimeMs: number },
): boolean | null {
  // A verdict holds only for the bytes it read: a rebuilt or altered zip is unverified again.
  return verdict && verdict.bytes === file.size && verdict.mtimeMs === file.mtimeMs
    ? verdict.ok
    : null;
}

/** A recorded package as it is now: the manifest on disk wins over the record. */
async function fromRecord(
  path: string,
  built: BuiltRecord,
  verdict: VerifiedRecord | undefined,
): Promise<PackageEntry> {
  const base: PackageEntry = {
    path,
    status: 'missing',
    source: 'recorded',
    articleId: built.articleId,
    headline: built.headline,
    version: built.version,
    bytes: built.bytes,
    photos: built.photos,
    builtAt: built.at,
    valid: null,
  };
  const file = await statOf(path);
  if (!file) return base;
  const manifest = await readManifest(path);
  if (!manifest) return { ...base, status: 'unreadable', bytes: file.size };
  return {
    ...base,
    status: 'ok',
    headline: manifest.article.headline,
    version: manifest.version,
    bytes: file.size,
    photos: manifest.photos.length,
    valid: verdictFor(verdict, file),
  };
}

/**
 * The package history of an event folder, from the packages themselves. The journal says
 * what was built (app and CLI alike, wherever --out put it) and which verdicts were given;
 * every zip is looked at again, so one deleted or moved shows as missing instead of
 * vanishing. Zips in the folder's packages/ without a record (older builds, a returned
 * version copied there) are listed too when their manifest reads.
 */
export async function listPackages(stateDir: string, articleId?: string): Promise<PackageEntry[]> {
  const built = new Map<string, BuiltRecord>();
  const verdicts = new Map<string, VerifiedRecord>();
  for (const r of await readPackageJournal(stateDir)) {
    const path = absolutePath(stateDir, r.path);
    // The latest line wins: a rebuild under the same name is the same package, newer.
    if (r.type === 'built') {
      built.delete(path);
      built.set(path, r);
    } else verdicts.set(path, r);
  }
  const out: PackageEntry[] = [];
  for (const [path, record] of built)
    if (!articleId || record.articleId === articleId)
      out.push(await fromRecord(path, record, verdicts.get(path)));

  const dir = packagesDir(stateDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /\.zip$/i.test(n) && !n.startsWith('.')).sort()) {
    const path = resolve(dir, name);
    if (built.has(path)) continue;
    const file = await statOf(path);
    const manifest = file ? await readManifest(path) : null;
    if (!file || !manifest) continue; // not attributable to an article: not ours to list
    if (articleId && manifest.article.id !== articleId) continue;
    out.push({
      path,
      status: 'ok',
      source: 'found',
      articleId: manifest.article.id,
      headline: manifest.article.headline,
      version: manifest.version,
      bytes: file.size,
      photos: manifest.photos.length,
      builtAt: new Date(file.mtimeMs).toISOString(),
      valid: verdictFor(verdicts.get(path), file),
    });
  }
  return out.sort((a, b) => (a.builtAt < b.builtAt ? 1 : a.builtAt > b.builtAt ? -1 : 0));
}
