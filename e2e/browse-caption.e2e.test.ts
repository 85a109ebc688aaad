/**
 * Browse and caption, end to end, in Debian's Chromium against browser mode: the real
 * server, core and built renderer on a copy of the fixture photos. Needs `vite build`
 * first (the test command runs it).
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEventApp, FIXTURES } from './helpers/event-app';
import { tileNames, waitForTiles } from './helpers/grid';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const fixtures = resolve(repo, '../shared/fixtures/photos');
const SCREENSHOT = '/tmp/captiondesk-grid.png';

const PHOTO = 'canon-eos1300d-18mp.jpg';
const NEXT_PHOTO = 'canon-eos30d-progressive-bad-iptc.jpg';
const CAPTION = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.';
const NOT_PHOTOS = new Set(['manifest.json', 'SOURCES.md']);

async function sha256s(dir: string, files: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of files) {
    out.set(
      f,
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    );
  }
  return out;
}

/** A raw request, for headers fetch() will not let us set (Host). */
function rawStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      res.resume();
      resolvePromise(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const tileFiles = (page: Page) => tileNames(page);

async function selectedFile(page: Page): Promise<string | null> {
  const testId = await page.getAttribute('[role="option"][aria-selected="true"]', 'data-testid');
  return testId?.replace(/^tile-/, '') ?? null;
}

const testIdOfActive = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('browse and caption in browser mode', () => {
  let folder: string;
  let photos: string[];
  let originalHashes: Map<string, string>;
  let copyHashes: Map<string, string>;

  const app = useEventApp({
    prefix: 'captiondesk-e2e-',
    folderName: 'Hội nghị tổng kết',
    prepare: async (dirs) => {
      await cp(FIXTURES, dirs.folder, { recursive: true });
      photos = (await readdir(FIXTURES)).filter((f) => !NOT_PHOTOS.has(f)).sort();
      originalHashes = await sha256s(FIXTURES, photos);
      copyHashes = await sha256s(dirs.folder, photos);
      expect(copyHashes).toEqual(originalHashes);
    },
    separateCsp: true,
  });

  beforeAll(async () => {
    folder = app.folder;
  });

  it('lists every photo, saves a Vietnamese caption that survives a reload, and stays locked', async () => {
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await waitForTiles(page, photos.length, { timeout: 20_000 });
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('token=');

    // Every image file is a tile, broken ones included, each showing its error.
    expect((await tileFiles(page)).sort()).toEqual(photos);
    expect(photos).toHaveLength(26);
    const listed = (await page.evaluate(
      (folderPath) =>
        fetch('/api/listPhotos', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: folderPath }),
        }).then((r) => r.json()),
      folder,
    )) as { ok: boolean; value: { file: string; error: string | null }[] };
    expect(listed.ok).toBe(true);
    for (const tile of listed.value.filter((t) => t.error)) {
      const text = await page.textContent(`[data-testid="tile-${tile.file}"]`);
      expect(text).toContain(tile.file);
      expect(text).toContain(tile.error);
    }
    expect(await page.textContent('[data-testid="photo-count"]')).toBe(`${photos.length} ảnh`);

    // Keyboard: Home and End reach the ends of the grid.
    await page.focus('[data-testid="grid"]');
    await page.keyboard.press('End');
    expect(await selectedFile(page)).toBe(photos.at(-1));
    await page.keyboard.press('Home');
    expect(await selectedFile(page)).toBe(photos[0]);

    // Caption one JPEG: select, Enter into the editor, type, wait for the autosave.
    await page.click(`[data-testid="tile-${PHOTO}"]`);
    expect(await selectedFile(page)).toBe(PHOTO);
    await page.keyboard.press('Enter');
    expect(await testIdOfActive(page)).toBe('caption-editor');
    // Half typed precomposed, half pasted decomposed (as from Word or macOS): stored as NFC.
    await page.keyboard.insertText(CAPTION.slice(0, 20));
    await page.keyboard.insertText(CAPTION.slice(20).normalize('NFD'));
    await page
      .getByTestId('save-status')
      .filter({ hasText: 'Đã lưu' })
      .waitFor({ timeout: 10_000 });
    await page.getByTestId(`tile-${PHOTO}`).getByRole('img', { name: 'Đã có chú thích' }).waitFor();

    // Ctrl+Enter goes on to the next photo with the editor still focused; Esc leaves it.
    await page.keyboard.press('Control+Enter');
    expect(await selectedFile(page)).toBe(NEXT_PHOTO);
    expect(await testIdOfActive(page)).toBe('caption-editor');
    await page.keyboard.press('Escape');
    expect(await testIdOfActive(page)).toBe('grid');

    // After a reload (cookie only, no token in the URL) the caption is read back, in NFC.
    await page.reload();
    await waitForTiles(page, photos.length);
    await page.click(`[data-testid="tile-${PHOTO}"]`);
    const editor = page.getByTestId('caption-editor');
    await page.waitForFunction(
      (expected) =>
        (document.querySelector('[data-testid="caption-editor"]') as HTMLTextAreaElement | null)
          ?.value === expected,
      CAPTION,
      { timeout: 5_000 },
    );
    const value = await editor.inputValue();
    expect(CAPTION).toBe(CAPTION.normalize('NFC'));
    expect(value).toBe(CAPTION);
    await page.getByTestId('info-panel').waitFor();
    await page.screenshot({ path: SCREENSHOT });

    // The photos themselves are never written: captions go to sidecars.
    expect(await sha256s(folder, photos)).toEqual(copyHashes);
    expect(await sha256s(fixtures, photos)).toEqual(originalHashes);

    // Without the token or cookie, nothing is served; foreign origins and hosts are refused.
    const thumb = await page.getAttribute(`[data-testid="tile-${PHOTO}"] img`, 'src');
    expect(thumb).toMatch(/^\/media\//);
    const mediaUrl = new URL(thumb ?? '', app.server.origin).href;
    const listUrl = `${app.server.origin}/api/listPhotos`;
    const json = { 'Content-Type': 'application/json' };
    const body = JSON.stringify({ folder });

    const anonymousList = await fetch(listUrl, { method: 'POST', headers: json, body });
    expect([401, 403]).toContain(anonymousList.status);
    const anonymousMedia = await fetch(mediaUrl);
    expect([401, 403]).toContain(anonymousMedia.status);

    const tokenHeader = { 'X-CaptionDesk-Token': app.server.token };
    const authorizedMedia = await fetch(mediaUrl, { headers: tokenHeader });
    expect(authorizedMedia.status).toBe(200);
    const foreignOrigin = await fetch(listUrl, {
      method: 'POST',
      headers: { ...json, ...tokenHeader, Origin: 'http://evil.example' },
      body,
    });
    expect([401, 403]).toContain(foreignOrigin.status);
    const foreignHost = await rawStatus(mediaUrl, {
      ...tokenHeader,
      Host: `evil.example:${new URL(app.server.origin).port}`,
    });
    expect([401, 403]).toContain(foreignHost);

    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    await page.close();
  });

  it('types fast through several photos, and every caption reaches the disk', async () => {
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await waitForTiles(page, photos.length, { timeout: 20_000 });
    // Six JPEGs in a row in the grid, so Ctrl+Enter walks through them.
    const start = photos.findIndex((_, i) =>
      photos.slice(i, i + 6).every((f) => f.endsWith('.jpg')),
    );
    const files = photos.slice(start, start + 6);
    const texts = files.map((_, i) => `Ảnh số ${i + 1}: đại biểu dự phiên bế mạc.`);
    await page.click(`[data-testid="tile-${files[0]}"]`);
    await page.keyboard.press('Enter');
    // No waiting anywhere: Ctrl+Enter sends the photo's text and moves on, so saves of
    // several photos are on their way at once, and the core alone keeps their order.
    for (const [i, text] of texts.entries()) {
      expect(await selectedFile(page)).toBe(files[i]);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
      await page.keyboard.press('Control+Enter');
    }
    await page.keyboard.press('Escape');
    // Read back by a fresh scan of the folder, not from the page's store.
    await page.waitForFunction(
      async ([dir, expected]) => {
        const r = await fetch('/api/scan', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: dir }),
        });
        const { value } = (await r.json()) as { value: { file: string; captionOwn: string }[] };
        const own = new Map(value.map((p) => [p.file, p.captionOwn]));
        return (expected as [string, string][]).every(([file, text]) => own.get(file) === text);
      },
      [folder, files.map((f, i) => [f, texts[i]!])] as const,
      { timeout: 10_000, polling: 200 },
    );
    // Nothing was refused on the way, and the photos themselves were not written.
    expect(await page.getByTestId('caption-conflict').count()).toBe(0);
    expect(await sha256s(folder, photos)).toEqual(copyHashes);
    expect(app.pageErrors).toEqual([]);
    await page.close();
  });
});
