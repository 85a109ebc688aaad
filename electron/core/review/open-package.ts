/**
 * Open a package for review: verify it, then unpack it into the app's work area so the UI
 * can show the photos at their exported size and read their embedded captions back.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../contract/api';
import type { Manifest } from '../../contract/package-manifest';
import { openZip } from '../zip/reader';
import { readEmbeddedFields, type EmbeddedFields } from './embedded-fields';
import { loadVerifiedPackage } from './load-package';
import {
  isWhitelistedMember,
  localPhotoName,
  reviewMediaPath,
  reviewRoot,
  workDir,
} from './work-area';

export interface FileCheck {
  file: string;
  bytes: number;
  sha256: string;
  ok: boolean;
}

export interface ReviewPhoto {
  id: string;
  /** Member path inside the zip. */
  file: string;
  sourceFile: string;
  caption: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  /** The unpacked copy in the work area. */
  localPath: string;
  media: string;
  embedded: EmbeddedFields;
  /** False when the caption inside the JPEG is not the manifest's. */
  captionMatches: boolean;
}

export interface OpenedPackage {
  path: string;
  packageId: string;
  version: number;
  workDir: string;
  manifest: Manifest;
  manifestSha256: string;
  checks: FileCheck[];
  notes: string[];
  articleHtml: string;
  newsml: string;
  photos: ReviewPhoto[];
}

const TEXT_FILES = new Map([
  ['article.html', 'article.html'],
  ['newsml.xml', 'newsml.xml'],
]);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function openPackageForReview(path: string, dataDir: string): Promise<OpenedPackage> {
  const pkg = await loadVerifiedPackage(path);
  const { manifest } = pkg;
  const target = workDir(dataDir, manifest.packageId, manifest.version);
  // Unpack beside the target and swap it in whole, so a half-written folder is never shown.
  const parent = join(reviewRoot(dataDir), manifest.packageId);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, '.open-'));
  const checks: FileCheck[] = [];
  try {
    await mkdir(join(staging, 'photos'));
    const zip = await openZip(path);
    try {
      // The package may have changed since it was verified: each member is checked again as written.
      const unpack = async (member: string, local: string, expected: string) => {
        if (!isWhitelistedMember(member))
          throw new ApiError(
            `${member}: not a package member we unpack`,
            'package-member-unexpected',
            {
              member,
            },
          );
        const data = await zip.read(member);
        const digest = sha256(data);
        checks.push({ file: member, bytes: data.length, sha256: digest, ok: digest === expected });
        if (digest !== expected)
          throw new ApiError(`${member}: changed while it was being opened`, 'package-changed', {
            member,
          });
        await writeFile(join(staging, local), data, { flag: 'wx' });
      };
      await unpack('manifest.json', 'manifest.json', pkg.manifestSha256);
      for (const f of manifest.files) {
        // Only the two files we know by name; their local names are ours, not the zip's.
        const local = TEXT_FILES.get(f.path);
        if (!local)
          throw new ApiError(
            `${f.path}: not a package member we unpack`,
            'package-member-unexpected',
            {
              member: f.path,
            },
          );
        await unpack(f.path, local, f.sha256);
      }
      for (const p of manifest.photos)
        await unpack(p.file, join('photos', localPhotoName(p.id)), p.sha256);
    } finally {
      await zip.close();
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  const photos: ReviewPhoto[] = [];
  for (const p of manifest.photos) {
    const localPath = join(target, 'photos', localPhotoName(p.id));
    const embedded = await readEmbeddedFields(localPath, localPhotoName(p.id));
    photos.push({
      id: p.id,
      file: p.file,
      sourceFile: p.source.file,
      caption: p.caption,
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      sha256: p.sha256,
      localPath,
      media: reviewMediaPath(manifest.packageId, manifest.version, p.id, p.sha256),
      embedded,
      captionMatches: (embedded.caption ?? '') === p.caption,
    });
  }
  return {
    path,
    packageId: manifest.packageId,
    version: manifest.version,
    workDir: target,
    manifest,
    manifestSha256: pkg.manifestSha256,
    checks,
    notes: pkg.notes,
    articleHtml: join(target, 'article.html'),
    newsml: join(target, 'newsml.xml'),
    photos,
  };
}
