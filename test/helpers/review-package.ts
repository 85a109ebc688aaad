/**
 * A small but real article package (one paragraph, two photos) built in the test, so each
 * hostile variant differs from a valid package in exactly one way.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { embedMetadata } from '../../electron/core/metadata/embed';
import {
  MANIFEST_SCHEMA_ID,
  MANIFEST_SCHEMA_VERSION,
  type Manifest,
} from '../../electron/contract/package-manifest';
import { renderArticleHtml } from '../../electron/core/package/render-html';
import { renderNewsMl } from '../../electron/core/package/render-newsml';
import { writeZip } from '../../electron/core/zip';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface PackageParts {
  manifest: Manifest;
  /** Member path → bytes; manifest.json is made from `manifest` unless given here. */
  files: Map<string, Buffer>;
}

async function photo(color: number, caption: string): Promise<Buffer> {
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: color, g: 90, b: 40 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  return embedMetadata(jpeg, { caption, headline: 'Hội nghị Liên đoàn Lao động tỉnh' }).jpeg;
}

export async function smallPackage(
  captions: [string, string] = ['Quang cảnh hội nghị.', 'Đại biểu phát biểu tại hội nghị.'],
): Promise<PackageParts> {
  const jpegs = [await photo(200, captions[0]), await photo(60, captions[1])];
  const names = ['photos/baolaocai-tl-01.jpg', 'photos/baolaocai-tl-02.jpg'];
  const manifest: Manifest = {
    $schema: MANIFEST_SCHEMA_ID,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    packageId: '3f6c1a2e-8b4d-4c7a-9e15-2d0b6a7c9f31',
    version: 1,
    createdAt: '2024-12-26T17:00:00+07:00',
    app: { name: 'CaptionDesk', version: '0.1.0-test' },
    author: { name: 'Tùng Lâm', initials: 'tl' },
    outlet: 'baolaocai',
    article: {
      id: 'a-review-test',
      headline: 'Hội nghị Liên đoàn Lao động tỉnh',
      sapo: 'Chiều 26/12, Liên đoàn Lao động tỉnh Lào Cai tổ chức hội nghị.',
      byline: 'Tùng Lâm',
      authorInitials: 'tl',
      category: '',
      dateline: { place: 'Lào Cai', date: '2024-12-26' },
      body: [
        { type: 'paragraph', id: 'b1', text: 'Phó Bí thư Tỉnh ủy Hoàng Giang dự hội nghị.' },
        { type: 'photo', id: 'b2', photo: 'p1', caption: captions[0] },
        { type: 'photo', id: 'b3', photo: 'p2', caption: captions[1] },
      ],
    },
    photos: jpegs.map((j, i) => ({
      id: `p${i + 1}`,
      file: names[i]!,
      caption: captions[i]!,
      byline: 'Tùng Lâm',
      credit: 'Báo Lào Cai',
      bytes: j.length,
      width: 64,
      height: 48,
      sha256: sha256(j),
      source: { file: `DSC-24${i}0.JPG`, sha256: sha256(Buffer.from(`source ${i}`)) },
    })),
    files: [],
    history: [
      {
        version: 1,
        at: '2024-12-26T17:00:00+07:00',
        by: 'Tùng Lâm',
        role: 'reporter',
        decision: 'submitted',
        note: null,
        previousManifestSha256: null,
        changes: [],
      },
    ],
    comments: [],
  };
  const html = Buffer.from(renderArticleHtml(manifest));
  const xml = Buffer.from(renderNewsMl(manifest));
  manifest.files = [
    { path: 'article.html', bytes: html.length, sha256: sha256(html) },
    { path: 'newsml.xml', bytes: xml.length, sha256: sha256(xml) },
  ];
  const files = new Map<string, Buffer>([
    ['article.html', html],
    ['newsml.xml', xml],
    [names[0]!, jpegs[0]!],
    [names[1]!, jpegs[1]!],
  ]);
  return { manifest, files };
}

export function manifestBytes(m: Manifest): Buffer {
  return Buffer.from(JSON.stringify(m, null, 2) + '\n', 'utf8');
}

/** Write the parts as a deterministic zip; `manifestJson` replaces manifest.json's bytes. */
export async function writePackage(
  path: string,
  parts: PackageParts,
  manifestJson?: Buffer,
): Promise<string> {
  await writeZip(
    [
      { path: 'manifest.json', data: manifestJson ?? manifestBytes(parts.manifest) },
      ...[...parts.files].map(([p, data]) => ({ path: p, data, compress: !p.endsWith('.jpg') })),
    ],
    path,
  );
  return path;
}

/** Bytes from the SOS marker to the end: the compressed image, which must never change. */
export function imageData(jpeg: Buffer): Buffer {
  let p = 2;
  while (p + 4 <= jpeg.length) {
    if (jpeg[p] !== 0xff) throw new Error(`no marker at ${p}`);
    const marker = jpeg[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xda) return jpeg.subarray(p);
    p += 2 + jpeg.readUInt16BE(p + 2);
  }
  throw new Error('no SOS marker');
}
