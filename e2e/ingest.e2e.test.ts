/**
 * Ingest through the dialog in Debian's Chromium against browser mode: a generated card
 * is typed in as the source, Start opens the event folder at once, and the tiles of
 * the landed photos appear in the grid. Needs `vite build` first.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../test/helpers/fixtures';
import { makeCard } from '../test/helpers/make-card';
import {
  launchChromium,
  recordPageProblems,
  REPO,
  startServer,
  stopServerAndWait,
  type WebServer,
} from './helpers/web-app';

describe('ingest in browser mode', () => {
  let work: string;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(REPO, 'dist/renderer/index.html')))
      throw new Error('dist/renderer is missing: run "npx vite build" before this test');
    work = await tempDir('captiondesk-e2e-ingest-');
    await makeCard(join(work, 'card'));
    // The app starts on another folder; the ingest's destination is opened by the dialog.
    await mkdir(join(work, 'start'));
    server = await startServer(join(work, 'start'), join(work, 'data'), join(work, 'cache'));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServerAndWait(server.child);
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  it('ingests a card from the dialog and shows the landed photos as tiles', async () => {
    const page = await browser!.newPage();
    recordPageProblems(page, pageErrors);
    await page.goto(server!.url);
    await page.waitForSelector('[data-testid="ingest-button"]');
    await page.keyboard.press('Control+Shift+I');
    await page.waitForSelector('[data-testid="ingest-dialog"][open]');

    const to = join(work, 'Sự kiện');
    await page.fill('[data-testid="ingest-source-0"]', join(work, 'card'));
    await page.fill('[data-testid="ingest-to"]', to);
    await page.fill('[data-testid="ingest-backup"]', join(work, 'backup'));
    await page.fill('[data-testid="ingest-rename"]', '{date}_{seqn}');
    expect(await page.textContent('[data-testid="ingest-preview"]')).toMatch(
      /^\d{8}_0001\.JPG {2}\d{8}_0002\.JPG/,
    );
    await page.fill('[data-testid="ingest-hot-tsv"]', '987654321098\tNguyễn Thị Hoa');
    await page.click('text=Nhập danh sách');
    expect(await page.inputValue('[data-testid="ingest-hot-codes"] tbody tr td input')).toBe(
      '987654321098',
    );
    await page.screenshot({ path: '/tmp/captiondesk-ingest-dialog.png' });
    await page.click('[data-testid="ingest-start"]');

    // The destination opens in the grid and the photos land in it (a pair shows as one tile).
    await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="ingest-summary"]')).toContain('7 đã chép');
    await page.waitForFunction(
      () => document.querySelectorAll('[role="option"]').length === 5,
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.textContent('[data-testid="folder-name"]')).toBe('Sự kiện');
    await page.screenshot({ path: '/tmp/captiondesk-ingest-done.png' });
    const tiles = await page.$$eval('[role="option"]', (els) =>
      els.map((e) => e.getAttribute('data-testid')),
    );
    expect(tiles).toContain('tile-20261120_0001.JPG');

    const landed = (await readdir(to)).filter((n) => /\.(JPG|CR3)$/.test(n));
    expect(landed).toHaveLength(7);
    for (const n of landed)
      expect(await sha256(join(work, 'backup', n))).toBe(await sha256(join(to, n)));
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
