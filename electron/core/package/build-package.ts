import { createHash } from 'node:crypto';
import { imageWork } from '../images/image-work-guard';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, errorInfo, type Article, type Preset } from '../../contract/api';
import type { IndexedPhoto } from '../folders/photo-index';
import type { EmbedFields } from '../metadata/embed';
import { FIELDS } from '../../../common/fields/catalog';
import { houseNames } from '../../../common/naming/house-name';
import { mapPool } from '../util/collections';
import { writeZip, type ZipEntryInput } from '../zip';
import { exportPhoto } from './export-photo';
import { statedOffset, withCaptureOffset } from './capture-offset';
import { buildManifest, photosInArticleOrder } from './build-manifest';
import type { Manifest, ManifestPhoto } from '../../contract/package-manifest';
import { renderArticleHtml } from './render-html';
import { renderNewsMl } from './render-newsml';
import { readEmbeddedPreview } from '../images/embedded-preview';
import { leanJpegInput } from '../images/lean-jpeg';
import {
  credentialsForExport,
  packageStatement,
  type Signing,
} from '../credentials/export-credentials';

export interface BuildInput {
  article: Article;
  photos: Map<string, IndexedPhoto>;
  preset: Preset;
  outlet: string;
  initials: string;
  /** The event's IANA zone, for a capture time whose offset no file states. */
  timeZone: string;
  appVersion: string;
  /** Where a desk fetches the package over HTTP: newsml.xml's hrefs go absolute under it. */
  newsmlBaseUrl?: string;
  out: string;
  /** Content Credentials: the originals' states, and the identity exports are signed with. */
  signing: Signing;
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
  /**
   * For a package rebuilt after a review: the version, history and comments it continues,
   * worked out from the finished draft (the history entry lists what changed).
   */
  revise?: (draft: Manifest) => Pick<Manifest, 'version' | 'history' | 'comments'>;
}

export interface BuildResult {
  path: string;
  bytes: number;
  sha256: string;
  photos: { source: string; file: string; width: number; height: number; bytes: number }[];
  truncated: { file: string; field: string; limitBytes: number }[];
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The caption that travels in the exported file: the photo's, else its gallery's. */
function captionFor(article: Article, file: string, own: string | null): string {
  if (own?.trim()) return own;
  const gallery = article.body.find((b) => b.type === 'gallery' && b.files.includes(file));
  return gallery?.type === 'gallery' ? gallery.caption : '';
}

/**
 * What goes into an exported JPEG: the photo's exported fields as listed (set ones only),
 * with the caption as composed for the package, the article's headline, the article's by-line
 * when the photo has none, and the capture time when it has no date, with its real offset.
 */
function embedFieldsFor(
  article: Article,
  p: IndexedPhoto,
  caption: string,
  timeZone: string,
): EmbedFields {
  const ph = p.photo;
  const byline = ph.byline ?? (article.byline.trim() || null);
  const date = ph.dateCreated ?? ph.capturedAt;
  const own = {
    ...ph,
    byline: byline ? [byline] : [],
    dateCreated:
      date &&
      withCaptureOffset(date, {
        exif: p.read.capturedAt,
        iim: p.read.iim.dateCreated,
        xmp: p.read.xmp.dateCreated,
        timeZone,
      }),
  };
  const f: Record<string, string | string[]> = { caption, headline: article.headline };
  for (const spec of FIELDS) {
    if (!spec.exported || spec.key in f) continue;
    const value = own[spec.key];
    if (Array.isArray(value) ? value.length : value) f[spec.key] = value!;
  }
  return f as EmbedFields;
}

/** The UTC offset of the camera's capture time, by the same rule as the exported IIM/XMP time. */
function captureOffset(p: IndexedPhoto, timeZone: string): string | null {
  const at = p.read.capturedAt;
  return at
    ? statedOffset(
        withCaptureOffset(at, {
          exif: at,
          iim: p.read.iim.dateCreated,
          xmp: p.read.xmp.dateCreated,
          timeZone,
        }),
      )
    : null;
}

async function sourceInput(p: IndexedPhoto): Promise<string | Buffer> {
  // A RAW alone in the folder travels as its camera-made JPEG preview; HEIC needs a decoder we lack.
  if (p.read.format === 'CR3') {
    const preview = await readEmbeddedPreview(p.path, p.read.preview);
    if (!preview)
      throw new ApiError('the RAW file has no embedded preview to export', 'raw-no-preview', {
        file: p.entry.file,
      });
    return preview;
  }
  if (p.read.format === 'HEIC')
    throw new ApiError(
      'HEIC photos cannot be exported here (no HEVC decoder); convert it to JPEG first',
      'heic-not-decodable',
      { file: p.entry.file },
    );
  if (p.read.error) {
    const info = p.read.errorInfo ?? { code: 'photo-unreadable', params: { file: p.entry.file } };
    throw new ApiError(p.read.error, info.code, info.params as never);
  }
  // Megabytes of header metadata are left out of what sharp holds (the export writes its own).
  if (p.read.format === 'JPEG') return leanJpegInput(p.path, p.read.bytes);
  return p.path;
}

/**
 * Build the article package: photos exported in parallel (up to the core count,
 * each to a temp file so memory stays bounded), then one deterministic zip written
 * atomically. Any failure names the photo and leaves no file under the final name.
 */
export async function buildPackageFile(input: BuildInput): Promise<BuildResult> {
  const { article, preset, outlet, initials } = input;
  const order = photosInArticleOrder(article);
  for (const file of order)
    if (!input.photos.has(file))
      throw new ApiError(
        `${file}: the article uses it but it is not in the folder`,
        'package-photo-missing',
        { file },
      );
  const names = houseNames(
    preset.naming,
    order.map((file, i) => ({ outlet, initials, file, seqn: i + 1, date: article.dateline.date })),
    preset.maxNameLength,
  );
  const tmp = await mkdtemp(join(tmpdir(), 'captiondesk-export-'));
  try {
    const total = order.length + 1;
    let done = 0;
    input.progress(0, total, '');
    const exported = await mapPool(order, Math.max(1, availableParallelism()), async (file, i) => {
      if (input.signal.aborted) throw new ApiError('Packaging was cancelled', 'package-cancelled');
      const p = input.photos.get(file)!;
      const caption = captionFor(article, file, p.photo.caption);
      const fields = embedFieldsFor(article, p, caption, input.timeZone);
      let out;
      try {
        out = await imageWork(p.path, async () =>
          exportPhoto(await sourceInput(p), preset, fields, captureOffset(p, input.timeZone)),
        );
      } catch (err) {
        const info = errorInfo(err, file, { code: 'package-export-failed', params: { file } });
        throw new ApiError(`${file}: ${(err as Error).message}`, info.code, info.params as never);
      }
      // Signed last, over the final bytes: the lossless writer has already run.
      let credentials;
      try {
        credentials = await credentialsForExport(
          out.data,
          {
            sourcePath: p.path,
            sourceFormat: p.photo.format,
            sourceCarries: p.photo.credentials,
            title: names[i]!,
            fields,
            camera: { make: p.photo.make, model: p.photo.model },
            longEdge: preset.longEdge,
            quality: preset.quality,
          },
          input.signing,
        );
      } catch (err) {
        throw new ApiError(`${file}: cannot sign it: ${(err as Error).message}`, 'signing-failed', {
          file,
        });
      }
      const data = credentials.data;
      const tmpPath = join(tmp, `${i}.jpg`);
      await writeFile(tmpPath, data);
      const photo: Omit<ManifestPhoto, 'id'> = {
        file: `photos/${names[i]!}`,
        caption,
        byline: p.photo.byline ?? (article.byline || null),
        credit: p.photo.credit,
        altText: p.photo.altText,
        extDescription: p.photo.extDescription,
        digitalSourceType: p.photo.digitalSourceType,
        aiSystemUsed: p.photo.aiSystemUsed,
        aiSystemVersionUsed: p.photo.aiSystemVersionUsed,
        aiPrompt: p.photo.aiPrompt,
        aiPromptWriterName: p.photo.aiPromptWriterName,
        bytes: data.length,
        width: out.width,
        height: out.height,
        sha256: sha256(data),
        source: { file, sha256: await sha256File(p.path) },
        credentials: credentials.record,
      };
      input.progress(++done, total, file);
      return { file, tmpPath, photo, truncated: out.truncated };
    });
    if (input.signal.aborted) throw new ApiError('Packaging was cancelled', 'package-cancelled');
    const manifest = buildManifest({
      article,
      outlet,
      initials,
      appVersion: input.appVersion,
      photos: new Map(exported.map((e) => [e.file, e.photo])),
    });
    manifest.credentials = packageStatement(input.signing.identity);
    if (input.revise) Object.assign(manifest, input.revise(manifest));
    // Recorded in the manifest, which renderNewsMl reads, so a reviewed version keeps the hrefs.
    if (input.newsmlBaseUrl) manifest.newsml = { baseUrl: input.newsmlBaseUrl };
    const html = Buffer.from(renderArticleHtml(manifest), 'utf8');
    const xml = Buffer.from(renderNewsMl(manifest), 'utf8');
    manifest.files = [
      { path: 'article.html', bytes: html.length, sha256: sha256(html) },
      { path: 'newsml.xml', bytes: xml.length, sha256: sha256(xml) },
    ];
    const entries: ZipEntryInput[] = [
      {
        path: 'manifest.json',
        data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'),
      },
      { path: 'article.html', data: html },
      { path: 'newsml.xml', data: xml },
      ...exported.map((e) => ({
        path: e.photo.file,
        data: () => readFile(e.tmpPath),
        compress: false,
      })),
    ];
    const zip = await writeZip(entries, input.out);
    input.progress(total, total, input.out);
    return {
      path: input.out,
      bytes: zip.bytes,
      sha256: zip.sha256,
      photos: exported.map((e) => ({
        source: e.file,
        file: e.photo.file,
        width: e.photo.width,
        height: e.photo.height,
        bytes: e.photo.bytes,
      })),
      truncated: exported.flatMap((e) => e.truncated.map((t) => ({ file: e.file, ...t }))),
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
