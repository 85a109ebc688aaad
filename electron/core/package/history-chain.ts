/**
 * Versions of a package live side by side: `name.zip` (version 1), `name-v2.zip`, `name-v3.zip`…
 * Each version's history records the checksum of the manifest it was made from, so with the
 * previous file at hand anyone can prove the chain was not rewritten.
 */
import { createHash } from 'node:crypto';
import { exists } from '../fs/exists';
import { basename, dirname, join } from 'node:path';
import { openZip } from '../zip/reader';
import type { Manifest } from '../../contract/package-manifest';

/** `dir/name-v3.zip` → { dir, stem: 'name' }: the version suffix is not part of the name. */
export function packageStem(path: string): { dir: string; stem: string } {
  const base = basename(path).replace(/\.zip$/i, '');
  return { dir: dirname(path), stem: base.replace(/-v\d+$/, '') };
}

/** Where version `version` of the package at `path` goes, beside it. */
export function versionedPath(path: string, version: number): string {
  const { dir, stem } = packageStem(path);
  return join(dir, `${stem}-v${version}.zip`);
}

/** The files that may hold version `version - 1` of the package at `path`, most specific first. */
export function previousVersionCandidates(path: string, version: number): string[] {
  if (version <= 1) return [];
  const { dir, stem } = packageStem(path);
  const previous = version - 1;
  const names = [`${stem}-v${previous}.zip`];
  // Version 1 is what buildPackage wrote, under the plain name.
  if (previous === 1) names.push(`${stem}.zip`);
  return names.map((n) => join(dir, n)).filter((p) => p !== path);
}

/** sha256 of a package's manifest.json bytes, read through the safe reader. */
export async function manifestSha256Of(path: string): Promise<string> {
  const zip = await openZip(path);
  try {
    return createHash('sha256')
      .update(await zip.read('manifest.json'))
      .digest('hex');
  } finally {
    await zip.close();
  }
}

export interface ChainCheck {
  problems: string[];
  notes: string[];
}

/**
 * Compare the last history entry's previousManifestSha256 with the previous version's
 * manifest, when that file is beside this one. Not finding it is normal (a package mailed
 * on its own), so that is a note, not a failure.
 */
export async function checkPreviousVersion(path: string, manifest: Manifest): Promise<ChainCheck> {
  const out: ChainCheck = { problems: [], notes: [] };
  const last = manifest.history.at(-1);
  // A history that does not end at this version is already a problem of its own.
  if (!last || manifest.version <= 1 || last.version !== manifest.version) return out;
  if (last.previousManifestSha256 === null) {
    out.notes.push(
      `history: version ${last.version} records no checksum of version ${last.version - 1}`,
    );
    return out;
  }
  for (const candidate of previousVersionCandidates(path, manifest.version)) {
    if (!(await exists(candidate))) continue;
    let digest: string;
    try {
      digest = await manifestSha256Of(candidate);
    } catch (err) {
      out.problems.push(
        `history: the previous version ${basename(candidate)} cannot be read: ${(err as Error).message}`,
      );
      return out;
    }
    if (digest !== last.previousManifestSha256) {
      out.problems.push(
        `history: version ${last.version} was made from a manifest with sha256 ${last.previousManifestSha256}, but ${basename(candidate)} has ${digest}`,
      );
    }
    return out;
  }
  out.notes.push(
    `history: version ${manifest.version - 1} is not beside this package, so the chain to it was not checked`,
  );
  return out;
}
