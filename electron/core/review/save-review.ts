/**
 * A review action writes the next version of the package beside the one reviewed; that one
 * is only read. Edited captions are written into the exported JPEGs by the lossless writer
 * (headers only: the compressed image data is copied byte for byte), and the history entry
 * records the checksum of the manifest the version was made from.
 */
import { createHash } from 'node:crypto';
import { exists } from '../fs/exists';
import { ApiError } from '../../contract/api';
import { embedMetadata, type EmbedFields } from '../metadata/embed';
import { versionedPath } from '../package/history-chain';
import type { Manifest } from '../../contract/package-manifest';
import { renderArticleHtml } from '../package/render-html';
import { renderNewsMl } from '../package/render-newsml';
import { openZip, writeZip, type ZipEntryInput } from '../zip';
import { applyEdits, type ReviewEdits } from './apply-edits';
import { diffManifests, summarize } from './diff-manifests';
import { loadVerifiedPackage } from './load-package';
import type { Signing } from '../credentials/export-credentials';
import { carryCredentials } from './review-credentials';

export type Decision = 'approved' | 'returned' | 'edited';

export interface ReviewInput {
  path: string;
  reviewer: string;
  role: 'editor' | 'reporter';
  decision: Decision;
  note: string | null;
  edits: ReviewEdits;
  comments: { target: string; text: string }[];
  /** Default: `<name>-v<N+1>.zip` beside `path`. */
  out: string | null;
  appVersion: string;
  now: string;
  /** Re-signs edited photos that carried Content Credentials when an identity is set. */
  signing: Signing;
}

export interface ReviewOutput {
  path: string;
  version: number;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  changes: string[];
  /** Photo ids whose JPEG metadata was rewritten. */
  rewritten: string[];
  credentials?: { resigned: string[]; broken: string[] };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bad = (message: string) => new ApiError(message, 'review-edit-invalid');

export async function writeReviewVersion(input: ReviewInput): Promise<ReviewOutput> {
  const reviewer = input.reviewer.trim();
  if (!reviewer) throw bad('A review needs the reviewer’s name');
  const note = input.note?.trim() ? input.note.normalize('NFC') : null;
  if (input.decision === 'returned' && !note)
    throw bad('Returning a package needs a note saying what to fix');

  const pkg = await loadVerifiedPackage(input.path);
  const prev = pkg.manifest;
  const version = prev.version + 1;
  const target = input.out ?? versionedPath(input.path, version);
  if (target === input.path || (await exists(target)))
    throw new ApiError(
      `${target} already exists: a version is never overwritten`,
      'version-exists',
      {
        path: target,
      },
    );

  const next = applyEdits(prev, input.edits);
  const comments = newComments(prev, next, input, reviewer, version);
  const changes = [
    ...summarize(diffManifests(prev, next)),
    ...comments.map((c) => `Comment on ${c.target}`),
  ];
  next.version = version;
  next.app = { ...next.app, version: input.appVersion };
  next.comments = [...prev.comments, ...comments];
  next.history = [
    ...prev.history,
    {
      version,
      at: input.now,
      by: reviewer,
      role: input.role,
      decision: input.decision,
      note,
      previousManifestSha256: pkg.manifestSha256,
      changes,
    },
  ];

  const zip = await openZip(input.path);
  try {
    const rewritten = await rewritePhotos(prev, next, (file) => zip.read(file));
    const touched = await carryCredentials(
      prev,
      next,
      rewritten,
      (f) => zip.read(f),
      input.signing,
    );
    const html = Buffer.from(renderArticleHtml(next), 'utf8');
    const xml = Buffer.from(renderNewsMl(next), 'utf8');
    next.files = [
      { path: 'article.html', bytes: html.length, sha256: sha256(html) },
      { path: 'newsml.xml', bytes: xml.length, sha256: sha256(xml) },
    ];
    const manifestBytes = Buffer.from(JSON.stringify(next, null, 2) + '\n', 'utf8');
    const entries: ZipEntryInput[] = [
      { path: 'manifest.json', data: manifestBytes },
      { path: 'article.html', data: html },
      { path: 'newsml.xml', data: xml },
      ...next.photos.map((p) => ({
        path: p.file,
        data: rewritten.get(p.id) ?? (() => zip.read(p.file)),
        compress: false,
      })),
    ];
    const written = await writeZip(entries, target);
    return {
      path: target,
      version,
      bytes: written.bytes,
      sha256: written.sha256,
      manifestSha256: sha256(manifestBytes),
      changes,
      rewritten: [...rewritten.keys()],
      ...(touched.resigned.length || touched.broken.length ? { credentials: touched } : {}),
    };
  } finally {
    await zip.close();
  }
}

function newComments(
  prev: Manifest,
  next: Manifest,
  input: ReviewInput,
  by: string,
  version: number,
): Manifest['comments'] {
  const targets = new Set(['article']);
  for (const m of [prev, next]) {
    m.article.body.forEach((b) => targets.add(b.id));
    m.photos.forEach((p) => targets.add(p.id));
  }
  return input.comments.map((c, i) => {
    const target = c.target.trim();
    if (!targets.has(target))
      throw bad(
        `Comment target ${target}: not "article", a block id or a photo id of this package`,
      );
    if (!c.text.trim()) throw bad(`Comment on ${target} is empty`);
    return {
      id: `c${version}-${i + 1}`,
      target,
      by,
      at: input.now,
      text: c.text.normalize('NFC'),
      version,
    };
  });
}

/**
 * New bytes for each photo whose embedded text changed (its caption, or the headline every
 * photo carries); sizes and checksums in `next` follow. Unchanged photos are copied as they are.
 */
async function rewritePhotos(
  prev: Manifest,
  next: Manifest,
  read: (file: string) => Promise<Buffer>,
): Promise<Map<string, Buffer>> {
  const before = new Map(prev.photos.map((p) => [p.id, p]));
  const headlineChanged = prev.article.headline !== next.article.headline;
  const out = new Map<string, Buffer>();
  for (const p of next.photos) {
    const old = before.get(p.id)!;
    if (old.caption === p.caption && !headlineChanged) continue;
    const fields: EmbedFields = {
      ...(old.caption !== p.caption ? { caption: p.caption } : {}),
      ...(headlineChanged ? { headline: next.article.headline } : {}),
    };
    let jpeg: Buffer;
    try {
      jpeg = embedMetadata(await read(p.file), fields).jpeg;
    } catch (err) {
      throw new ApiError(
        `${p.file}: cannot rewrite its caption: ${(err as Error).message}`,
        'jpeg-broken',
        { file: p.file },
      );
    }
    p.bytes = jpeg.length;
    p.sha256 = sha256(jpeg);
    out.set(p.id, jpeg);
  }
  return out;
}
