import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServer } from './server';
import {
  rawCall as call,
  startTestWebServer,
  type TestWebServer,
} from '../../test/helpers/web-server';

describe('browser-mode server', () => {
  let app: TestWebServer | undefined;
  let server: WebServer;
  let photos: string;
  const json = (token?: string) => ({
    'Content-Type': 'application/json',
    ...(token ? { 'X-CaptionDesk-Token': token } : {}),
  });

  beforeAll(async () => {
    app = await startTestWebServer(['canon-eos1000d-orient6.jpg', 'dpa-wire-iptc-utf8.jpg']);
    ({ server, photos } = app);
  });
  afterAll(() => app?.close());

  it('binds to 127.0.0.1 and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses API, media and pages without the token', async () => {
    expect(
      (await call(server.port, '/api/appInfo', { method: 'POST', headers: json(), body: '{}' }))
        .status,
    ).toBe(401);
    expect((await call(server.port, '/')).status).toBe(401);
    expect((await call(server.port, '/media/thumb/0123456789abcdef/x.jpg')).status).toBe(401);
    expect(
      (
        await call(server.port, '/api/appInfo', {
          method: 'POST',
          headers: json('wrong'),
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a foreign Origin or Host even with the token (CSRF, DNS rebinding)', async () => {
    const evil = await call(server.port, '/api/appInfo', {
      method: 'POST',
      headers: { ...json(server.token), Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(evil.status).toBe(403);
    const rebound = await call(server.port, '/api/appInfo', {
      method: 'POST',
      headers: { ...json(server.token), Host: 'evil.example' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
  });

  it('sets a strict HttpOnly cookie from the URL token, which then authenticates', async () => {
    const first = await call(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await call(server.port, '/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('runs contract methods, validates arguments, and serves photos only of open folders', async () => {
    const notOpen = await call(server.port, '/api/listPhotos', {
      method: 'POST',
      headers: json(server.token),
      body: JSON.stringify({ folder: photos }),
    });
    expect(notOpen.status).toBe(403);
    const bad = await call(server.port, '/api/openFolder', {
      method: 'POST',
      headers: json(server.token),
      body: JSON.stringify({ path: 42 }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/path/);
    const open = await call(server.port, '/api/openFolder', {
      method: 'POST',
      headers: json(server.token),
      body: JSON.stringify({ path: photos }),
    });
    expect(open.status).toBe(200);
    const tiles = JSON.parse(open.body).value.photos as { file: string; thumb: string }[];
    expect(tiles.map((t) => t.file)).toEqual([
      'canon-eos1000d-orient6.jpg',
      'dpa-wire-iptc-utf8.jpg',
    ]);
    const img = await call(server.port, '/' + tiles[0]!.thumb, {
      headers: { 'X-CaptionDesk-Token': server.token },
    });
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    const key = tiles[0]!.thumb.split('/')[2];
    const escape = await call(server.port, `/media/full/${key}/..%2F..%2Fetc%2Fpasswd`, {
      headers: { 'X-CaptionDesk-Token': server.token },
    });
    expect(escape.status).toBe(404);
    const unknown = await call(server.port, '/api/deleteEverything', {
      method: 'POST',
      headers: json(server.token),
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });
});
