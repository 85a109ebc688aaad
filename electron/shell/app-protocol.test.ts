import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import type { MediaResponse } from '../core/app-core-types';

let dir: string;
let renderer: string;
let photo: string;
const asked: string[] = [];
const INDEX = '<!doctype html><title>CaptionDesk</title>';

async function resolveMedia(mediaPath: string): Promise<MediaResponse | null> {
  asked.push(mediaPath);
  if (mediaPath.startsWith('media/full/k1/')) return { path: photo, contentType: 'image/jpeg' };
  if (mediaPath.startsWith('media/thumb/k1/'))
    return { data: Buffer.from('thumb'), contentType: 'image/webp' };
  if (mediaPath.startsWith('media/full/gone/'))
    return { path: path.join(dir, 'gone.jpg'), contentType: 'image/jpeg' };
  if (mediaPath.startsWith('media/boom/')) throw new Error('core failed');
  return null;
}

const errors: unknown[] = [];
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'captiondesk-protocol-'));
  renderer = path.join(dir, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), INDEX);
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  photo = path.join(dir, 'DSC-2403.JPG');
  await writeFile(photo, Buffer.alloc(100_000, 7));
  handle = createAppProtocolHandler({
    rendererDir: renderer,
    resolveMedia,
    csp: "default-src 'none'",
    onError: (e) => errors.push(e),
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app://app (the renderer)', () => {
  it('serves index.html at the root, with the CSP', async () => {
    const res = await get('app://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>CaptionDesk</title>');
  });

  it('serves assets with their type', async () => {
    const res = await get('app://app/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to the shell for client routes, not for missing assets', async () => {
    expect(await (await get('app://app/review')).text()).toContain('CaptionDesk');
    expect((await get('app://app/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://app/../secret.txt',
      'app://app/%2e%2e/secret.txt',
      'app://app/assets/..%2f..%2fsecret.txt',
      'app://app/..%5csecret.txt',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('secret');
    }
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX)));
    expect(await head.text()).toBe('');
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
  });

  it('knows no other host', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });
});

describe('app://media (through the core)', () => {
  it('passes the media path to the core without its leading slash, query included', async () => {
    asked.length = 0;
    await get('app://media/media/thumb/k1/DSC-2403.JPG?v=12');
    expect(asked).toEqual(['media/thumb/k1/DSC-2403.JPG?v=12']);
  });

  it('streams a file the core points to', async () => {
    const res = await get('app://media/media/full/k1/DSC-2403.JPG');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe('100000');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(100_000);
    expect(bytes[99_999]).toBe(7);
  });

  it('sends bytes the core made, cached for good when versioned', async () => {
    const res = await get('app://media/media/thumb/k1/DSC-2403.JPG?v=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(await res.text()).toBe('thumb');
  });

  it('is a 404 when the core says no or the file is gone', async () => {
    expect((await get('app://media/media/full/other/x.jpg')).status).toBe(404);
    expect((await get('app://media/media/full/gone/x.jpg')).status).toBe(404);
  });

  it('hides a core failure behind a 500 and reports it', async () => {
    errors.length = 0;
    const res = await get('app://media/media/boom/x.jpg');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('core failed');
    expect(errors).toHaveLength(1);
  });
});
