/**
 * Check an article package before anyone trusts it: the zip must be safe to read,
 * manifest.json must be valid, and the package must hold exactly the files the
 * manifest lists, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { UnsafePackageError } from '../zip/errors';
import { zipRefusalOf } from '../zip/refusal';
import { errorInfo } from '../../contract/errors';
import type { ErrorCode, ErrorParams } from '../../../common/errors/error-codes';
import { openZip, type ZipArchive } from '../zip/reader';
import { manifestSchema, type Manifest } from '../../contract/package-manifest';
import { checkPreviousVersion } from './history-chain';
import { parseTrust, type LoadedTrust } from '../credentials/trust-list';
import { verifyPhotoCredentials } from '../credentials/verify-credentials';

export interface PackageProblem {
  /** The member to blame (e.g. "photos/x.jpg", "manifest.json"), or null for the package as a whole. */
  file: string | null;
  message: string;
  /** For the UI: present when the problem is more than a checksum or schema detail. */
  code?: ErrorCode;
  params?: ErrorParams[ErrorCode];
}

export interface VerifyResult {
  ok: boolean;
  problems: PackageProblem[];
  manifest: Manifest | null;
  /** What could not be checked and why (the previous version not beside this one); present only when there is something to say. */
  notes?: string[];
}

export const MANIFEST_PATH = 'manifest.json';
/** Every package carries these besides its photos (listed in manifest.files). */
export const REQUIRED_FILES = ['article.html', 'newsml.xml'] as const;
/** A manifest is text for a few hundred photos; anything this big is not ours. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

interface Actual {
  bytes: number;
  sha256: string;
}

export async function verifyPackage(
  zipPath: string,
  /** Who the photos' Content Credentials are trusted by; default: nobody (signers read untrusted). */
  trust: LoadedTrust = parseTrust(''),
): Promise<VerifyResult> {
  let zip: ZipArchive;
  try {
    zip = await openZip(zipPath);
  } catch (err) {
    return failed([problemFromError(err, null)]);
  }
  let result: VerifyResult;
  try {
    result = await verifyArchive(zip);
    if (result.manifest) {
      const found = await verifyPhotoCredentials(result.manifest, (f) => zip.read(f), trust);
      result.problems.push(...found.problems);
      if (found.notes.length) result.notes = [...(result.notes ?? []), ...found.notes];
    }
  } finally {
    await zip.close();
  }
  if (!result.manifest) return result;
  const chain = await checkPreviousVersion(zipPath, result.manifest);
  for (const message of chain.problems) result.problems.push({ file: MANIFEST_PATH, message });
  if (chain.notes.length) result.notes = [...(result.notes ?? []), ...chain.notes];
  return { ...result, ok: result.problems.length === 0 };
}

async function verifyArchive(zip: ZipArchive): Promise<VerifyResult> {
  const problems: PackageProblem[] = [];
  // Read every member once: CRC and size are proven for all of them, and we keep
  // only a digest, so memory holds one photo at a time. null = unreadable (reported).
  const actual = new Map<string, Actual | null>();
  for (const entry of zip.entries) {
    if (entry.isDirectory) continue; // a directory entry carries no content to check
    try {
      const data = await zip.read(entry.name);
      actual.set(entry.name.normalize('NFC'), { bytes: data.length, sha256: sha256(data) });
    } catch (err) {
      problems.push(problemFromError(err, entry.name));
      actual.set(entry.name.normalize('NFC'), null);
    }
  }

  const manifest = actual.get(MANIFEST_PATH) === null ? null : await readManifest(zip, problems);
  if (!manifest) return failed(problems);
  checkContents(manifest, actual, problems);
  checkReferences(manifest, problems);
  checkHistory(manifest, problems);
  return { ok: problems.length === 0, problems, manifest };
}

async function readManifest(zip: ZipArchive, problems: PackageProblem[]): Promise<Manifest | null> {
  const copies = zip.entries.filter((e) => e.name === MANIFEST_PATH);
  if (copies.length !== 1) {
    const message = copies.length === 0 ? 'missing' : `present ${copies.length} times`;
    problems.push({ file: MANIFEST_PATH, message });
    return null;
  }
  if (copies[0]!.size > MAX_MANIFEST_BYTES) {
    problems.push({ file: MANIFEST_PATH, message: `larger than ${MAX_MANIFEST_BYTES} bytes` });
    return null;
  }
  let json: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await zip.read(MANIFEST_PATH));
    json = JSON.parse(text);
  } catch (err) {
    problems.push({
      file: MANIFEST_PATH,
      message: `not valid UTF-8 JSON: ${(err as Error).message}`,
    });
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: MANIFEST_PATH, message: `${issuePath(issue)}: ${issue.message}` });
    }
    return null;
  }
  return parsed.data;
}

/** Exactly manifest.json + the photos + the listed files, each with its declared size and digest. */
function checkContents(
  manifest: Manifest,
  actual: Map<string, Actual | null>,
  problems: PackageProblem[],
) {
  const expected = new Map<string, string>([[MANIFEST_PATH, 'the manifest']]);
  const expect = (path: string, what: string, bytes: number, digest: string) => {
    const key = path.normalize('NFC');
    const earlier = expected.get(key);
    if (earlier !== undefined) {
      problems.push({
        file: path,
        message: `listed twice in the manifest (${earlier} and ${what})`,
      });
      return;
    }
    expected.set(key, what);
    const found = actual.get(key);
    if (found === null) return; // unreadable: already reported
    if (found === undefined) {
      problems.push({
        file: path,
        message: `missing (the manifest lists it as ${what})`,
        ...coded('package-member-missing', path),
      });
      return;
    }
    if (found.bytes !== bytes) {
      problems.push({
        file: path,
        message: `size mismatch (manifest says ${bytes} bytes, file has ${found.bytes})`,
        ...coded('package-member-corrupt', path),
      });
    }
    if (found.sha256 !== digest) {
      problems.push({
        file: path,
        message: `sha256 mismatch (manifest says ${digest}, file has ${found.sha256})`,
        ...coded('package-member-corrupt', path),
      });
    }
  };
  manifest.photos.forEach((p, i) =>
    expect(p.file, `photo ${p.id} (photos[${i}])`, p.bytes, p.sha256),
  );
  manifest.files.forEach((f, i) => expect(f.path, `files[${i}]`, f.bytes, f.sha256));

  for (const required of REQUIRED_FILES) {
    if (!manifest.files.some((f) => f.path === required)) {
      problems.push({ file: MANIFEST_PATH, message: `files: does not list ${required}` });
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name))
      problems.push({
        file: name,
        message: 'not listed in the manifest',
        ...coded('package-member-unexpected', name),
      });
  }
}

function checkReferences(manifest: Manifest, problems: PackageProblem[]) {
  const firstIndex = new Map<string, number>();
  manifest.photos.forEach((photo, i) => {
    const earlier = firstIndex.get(photo.id);
    if (earlier === undefined) firstIndex.set(photo.id, i);
    else {
      problems.push({
        file: MANIFEST_PATH,
        message: `photos[${i}].id: ${photo.id} is already used by photos[${earlier}]`,
      });
    }
  });
  const missing = (path: string, id: string) => {
    if (!firstIndex.has(id)) {
      problems.push({ file: MANIFEST_PATH, message: `${path}: photo ${id} is not in photos` });
    }
  };
  manifest.article.body.forEach((block, i) => {
    const at = `article.body[${i}]`;
    if (block.type === 'photo') missing(`${at}.photo`, block.photo);
    if (block.type === 'gallery') {
      block.photos.forEach((id, j) => missing(`${at}.photos[${j}]`, id));
    }
  });
}

/** Versions count 1, 2, 3… and the last one is the manifest's own. */
function checkHistory(manifest: Manifest, problems: PackageProblem[]) {
  if (manifest.history.length === 0) return;
  manifest.history.forEach((entry, i) => {
    if (entry.version !== i + 1) {
      problems.push({
        file: MANIFEST_PATH,
        message: `history[${i}].version: expected ${i + 1}, found ${entry.version}`,
      });
    }
  });
  const last = manifest.history.at(-1)!;
  if (last.version !== manifest.version) {
    problems.push({
      file: MANIFEST_PATH,
      message: `history: last version is ${last.version} but the manifest is version ${manifest.version}`,
    });
  }
}

function issuePath(issue: z.core.$ZodIssue): string {
  let out = '';
  for (const key of issue.path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function problemFromError(err: unknown, file: string | null): PackageProblem {
  if (err instanceof UnsafePackageError) {
    const reason = zipRefusalOf(err.reason);
    const params = err.entry === undefined ? { reason } : { reason, entry: err.entry };
    return { file: err.entry ?? file, message: err.reason, code: 'zip-refused', params };
  }
  const code = (err as NodeJS.ErrnoException).code;
  return {
    file,
    message: `cannot read${code ? ` (${code})` : ''}: ${(err as Error).message}`,
    ...errorInfo(err, file ?? undefined, { code: 'package-invalid', params: { file: file ?? '' } }),
  };
}

/** A member's problem as a code the UI can say; the English message stays beside it. */
function coded(
  code: 'package-member-missing' | 'package-member-corrupt' | 'package-member-unexpected',
  member: string,
): Pick<PackageProblem, 'code' | 'params'> {
  return { code, params: { member } };
}

function failed(problems: PackageProblem[]): VerifyResult {
  return { ok: false, problems, manifest: null };
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
