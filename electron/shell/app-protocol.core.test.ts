/**
 * app:// media against the real core: the path every thumbnail and full-size photo
 * takes to the Electron window, minus Electron. The file name is Vietnamese, so the
 * percent-encoding survives the trip from `mediaPath` through a URL to the core.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import { createCore } from '../core/app-core';
import type { Core } from '../core/app-core-types';
import { MEDIA_BASE } from './security-rules';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.resolve(repo, '../shared/fixtures/photos/canon-eos1300d-18mp.jpg');
const FILE = 'Hội nghị Lào Cai 01.JPG';

let dir: string;
let event: string;
let core: Core;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'captiondesk-protocol-core-'));
  event = path.join(dir, 'event');
  await mkdir(event);
  await copyFile(FIXTURE, path.join(event, FILE));
  core = createCore({
    dataDir: path.join(dir, 'data'),
    cacheDir: path.join(dir, 'thumbnails'),
    sampleDir: path.join(repo, 'assets', 'sample-event'),
    mode: 'electron',
    version: 'test',
  });
  handle = createAppProtocolHandler({
    rendererDir: path.join(dir, 'renderer'),
    resolveMedia: (media) => core.resolveMedia(media),
    csp: "default-src 'none'",
  });
});

afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

async function fetchJpeg(media: string): Promise<number> {
  const res = await handle(new Request(MEDIA_BASE + media));
  expect(res.status, media).toBe(200);
  expect(res.headers.get('content-type'), media).toBe('image/jpeg');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([bytes[0], bytes[1]], media).toEqual([0xff, 0xd8]);
  return bytes.length;
}

describe('app://media with the real core', () => {
  it('serves what the API points to: preview, thumbnail and the photo itself', async () => {
    const opened = await core.api.openFolder({ path: event });
    const first = opened.photos.find((p) => p.file === FILE);
    expect(first?.thumb, 'a thumbnail or preview right after opening').toBeTruthy();
    await fetchJpeg(first!.thumb!);

    await core.api.buildThumbnails({ folder: opened.folder.path });
    const [tile] = await core.api.listPhotos({ folder: opened.folder.path });
    expect(tile?.thumb).toMatch(/^media\/thumb\//);
    const thumbBytes = await fetchJpeg(tile!.thumb!);
    const fullBytes = await fetchJpeg(tile!.full!);
    expect(thumbBytes).toBeLessThan(fullBytes);
  });

  it('serves nothing outside the opened photos', async () => {
    const [tile] = await core.api.listPhotos({ folder: event });
    const sibling = tile!.full!.replace(/\/[^/]+$/, `/${encodeURIComponent('../../secret.txt')}`);
    for (const media of [
      sibling,
      'media/full/0000000000000000/x.jpg',
      'media/other/0000000000000000/x.jpg',
    ]) {
      expect((await handle(new Request(MEDIA_BASE + media))).status, media).toBe(404);
    }
  });
});
