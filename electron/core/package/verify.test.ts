import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noise } from '../zip/testing/noise';
import { writeRawZip } from '../zip/testing/raw-zip';
import { writeZip, type ZipEntryInput } from '../zip/writer';
import { MANIFEST_SCHEMA_ID, type Manifest } from '../../contract/package-manifest';
import { verifyPackage } from './verify';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const PHOTO_1 = 'photos/baolaocai-tl_dsc-2409.jpg';
const PHOTO_2 = 'photos/baolaocai-tl_dsc-2419.jpg';

interface Parts {
  manifest: Manifest;
  files: Map<string, Buffer>;
}

/** A small but complete package: two photos, article.html, newsml.xml and a manifest that lists them. */
function goodParts(): Parts {
  const photo1 = noise(20_000, 'p1');
  const photo2 = noise(12_000, 'p2');
  const html = Buffer.from('<article><h1>Hội nghị</h1></article>');
  const xml = Buffer.from('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>');
  const photo = (id: string, file: string, data: Buffer) => ({
    id,
    file,
    caption: 'Phó Bí thư Tỉnh ủy phát biểu tại hội nghị.',
    byline: 'Trần Lâm',
    credit: 'Báo Lào Cai',
    bytes: data.length,
    width: 1600,
    height: 1067,
    sha256: sha(data),
    source: { file: file.replace('photos/', '').toUpperCase(), sha256: sha(Buffer.from(id)) },
  });
  const manifest: Manifest = {
    $schema: MANIFEST_SCHEMA_ID,
    schemaVersion: 1,
    packageId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    version: 1,
    createdAt: '2026-03-14T09:26:53Z',
    app: { name: 'CaptionDesk', version: '0.1.0' },
    author: { name: 'Trần Lâm', initials: 'TL' },
    outlet: 'baolaocai',
    article: {
      id: 'a1',
      headline: 'Hội nghị tổng kết',
      sapo: 'Sáng 14/3, …',
      byline: 'Trần Lâm',
      authorInitials: 'TL',
      category: 'Thời sự',
      dateline: { place: 'Lào Cai', date: '2026-03-14' },
      body: [
        { type: 'paragraph', id: 'b1', text: 'Sáng 14/3…' },
        { type: 'photo', id: 'b2', photo: 'p1', caption: '' },
        { type: 'gallery', id: 'b3', photos: ['p1', 'p2'], caption: '' },
      ],
    },
    photos: [photo('p1', PHOTO_1, photo1), photo('p2', PHOTO_2, photo2)],
    files: [
      { path: 'article.html', bytes: html.length, sha256: sha(html) },
      { path: 'newsml.xml', bytes: xml.length, sha256: sha(xml) },
    ],
    history: [
      {
        version: 1,
        at: '2026-03-14T09:26:53Z',
        by: 'Trần Lâm',
        role: 'reporter',
        decision: 'submitted',
        note: null,
        previousManifestSha256: null,
        changes: [],
      },
    ],
    comments: [],
  };
  const files = new Map([
    [PHOTO_1, photo1],
    [PHOTO_2, photo2],
    ['article.html', html],
    ['newsml.xml', xml],
  ]);
  return { manifest, files };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cd-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pack(parts: Parts, manifestJson?: string): Promise<string> {
  const path = join(dir, 'baolaocai-2026-03-14-hoi-nghi.zip');
  const entries: ZipEntryInput[] = [
    {
      path: 'manifest.json',
      data: Buffer.from(manifestJson ?? JSON.stringify(parts.manifest, null, 2)),
    },
    ...[...parts.files].map(([p, data]) => ({ path: p, data, compress: !p.endsWith('.jpg') })),
  ];
  await writeZip(entries, path);
  return path;
}

describe('verifyPackage', () => {
  it('accepts a good package and returns its manifest', async () => {
    const parts = goodParts();
    const result = await verifyPackage(await pack(parts));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.manifest).toEqual(parts.manifest);
  });

  it('names the photo when one of its bytes is flipped in the zip (CRC)', async () => {
    const parts = goodParts();
    const path = await pack(parts);
    const bytes = await readFile(path);
    const at = bytes.indexOf(parts.files.get(PHOTO_2)!.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    bytes[at + 5000]! ^= 0x01;
    await writeFile(path, bytes);
    const result = await verifyPackage(path);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: PHOTO_2,
        message: expect.stringMatching(/^CRC-32 mismatch/),
        code: 'zip-refused',
        params: { entry: PHOTO_2, reason: 'damaged' },
      },
    ]);
  });

  it('names the photo whose bytes differ from the manifest (sha256)', async () => {
    const parts = goodParts();
    const good = parts.files.get(PHOTO_1)!;
    const tampered = Buffer.from(good);
    tampered[100]! ^= 0x01;
    parts.files.set(PHOTO_1, tampered);
    const result = await verifyPackage(await pack(parts));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: PHOTO_1,
        message: `sha256 mismatch (manifest says ${sha(good)}, file has ${sha(tampered)})`,
        code: 'package-member-corrupt',
        params: { member: PHOTO_1 },
      },
    ]);
    expect(result.manifest).not.toBeNull();
  });

  it('reports a size mismatch', async () => {
    const parts = goodParts();
    parts.manifest.files[0]!.bytes += 1;
    const { problems } = await verifyPackage(await pack(parts));
    expect(problems).toEqual([
      {
        file: 'article.html',
        message: expect.stringMatching(/^size mismatch \(manifest says \d+ bytes, file has \d+\)$/),
        code: 'package-member-corrupt',
        params: { member: 'article.html' },
      },
    ]);
  });

  it('reports a missing file and an extra one', async () => {
    const parts = goodParts();
    parts.files.delete('newsml.xml');
    parts.files.set('photos/unlisted.jpg', noise(100, 'x'));
    const { ok, problems } = await verifyPackage(await pack(parts));
    expect(ok).toBe(false);
    expect(problems).toEqual([
      {
        file: 'newsml.xml',
        message: 'missing (the manifest lists it as files[1])',
        code: 'package-member-missing',
        params: { member: 'newsml.xml' },
      },
      {
        file: 'photos/unlisted.jpg',
        message: 'not listed in the manifest',
        code: 'package-member-unexpected',
        params: { member: 'photos/unlisted.jpg' },
      },
    ]);
  });

  it('reports schema violations with their paths', async () => {
    const parts = goodParts();
    const json = JSON.parse(JSON.stringify(parts.manifest)) as Record<string, unknown> & {
      photos: { sha256: string }[];
    };
    json.version = 0;
    json.photos[1]!.sha256 = 'NOT-A-HASH';
    const { ok, problems, manifest } = await verifyPackage(await pack(parts, JSON.stringify(json)));
    expect(ok).toBe(false);
    expect(manifest).toBeNull();
    expect(problems).toEqual([
      { file: 'manifest.json', message: expect.stringMatching(/^version: .*>\s*0/) },
      { file: 'manifest.json', message: 'photos[1].sha256: a lower-case hex SHA-256' },
    ]);
  });

  it('reports a manifest that is missing, not JSON, or not UTF-8', async () => {
    const parts = goodParts();
    const noManifest = join(dir, 'no-manifest.zip');
    await writeZip(
      [...parts.files].map(([p, data]) => ({ path: p, data })),
      noManifest,
    );
    expect((await verifyPackage(noManifest)).problems).toEqual([
      { file: 'manifest.json', message: 'missing' },
    ]);
    expect((await verifyPackage(await pack(parts, '{"version": 1,'))).problems).toEqual([
      { file: 'manifest.json', message: expect.stringMatching(/^not valid UTF-8 JSON: /) },
    ]);
  });

  it('checks photo references, photo id uniqueness and the history', async () => {
    const parts = goodParts();
    const m = parts.manifest;
    m.article.body.push({ type: 'photo', id: 'b4', photo: 'p9', caption: '' });
    m.article.body.push({ type: 'gallery', id: 'b5', photos: ['p2', 'p7'], caption: '' });
    m.photos.push({ ...m.photos[0]!, file: 'photos/copy.jpg' });
    parts.files.set('photos/copy.jpg', parts.files.get(PHOTO_1)!);
    m.version = 3;
    m.history.push({ ...m.history[0]!, version: 3, decision: 'approved', role: 'editor' });
    const { ok, problems } = await verifyPackage(await pack(parts));
    expect(ok).toBe(false);
    expect(problems).toEqual([
      { file: 'manifest.json', message: 'photos[2].id: p1 is already used by photos[0]' },
      { file: 'manifest.json', message: 'article.body[3].photo: photo p9 is not in photos' },
      { file: 'manifest.json', message: 'article.body[4].photos[1]: photo p7 is not in photos' },
      { file: 'manifest.json', message: 'history[1].version: expected 2, found 3' },
    ]);
  });

  it('reports a history that ends before the manifest version', async () => {
    const parts = goodParts();
    parts.manifest.version = 2;
    const { problems } = await verifyPackage(await pack(parts));
    expect(problems).toEqual([
      {
        file: 'manifest.json',
        message: 'history: last version is 1 but the manifest is version 2',
      },
    ]);
  });

  it('reports a file listed twice, and a manifest missing article.html', async () => {
    const parts = goodParts();
    parts.manifest.files[0] = { ...parts.manifest.files[1]! };
    parts.files.delete('article.html');
    const { problems } = await verifyPackage(await pack(parts));
    expect(problems).toEqual([
      { file: 'newsml.xml', message: 'listed twice in the manifest (files[0] and files[1])' },
      { file: 'manifest.json', message: 'files: does not list article.html' },
    ]);
  });

  it('turns an unsafe package into a problem naming the entry', async () => {
    const path = join(dir, 'slip.zip');
    await writeRawZip(path, [{ name: '../../x', content: Buffer.from('escaped') }]);
    expect(await verifyPackage(path)).toEqual({
      ok: false,
      manifest: null,
      problems: [
        {
          file: '../../x',
          message: 'name has a ".." segment (path traversal)',
          code: 'zip-refused',
          params: { entry: '../../x', reason: 'unsafe-name' },
        },
      ],
    });
  });

  it('turns a missing package into a problem', async () => {
    const { ok, problems } = await verifyPackage(join(dir, 'nope.zip'));
    expect(ok).toBe(false);
    expect(problems).toEqual([
      {
        file: null,
        message: expect.stringMatching(/^cannot read \(ENOENT\)/),
        code: 'file-not-found',
        params: { path: join(dir, 'nope.zip') },
      },
    ]);
  });
});
