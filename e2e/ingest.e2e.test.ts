/**
 * Ingest through the dialog in Debian's Chromium against browser mode: a generated card
 * is typed in as the source, Start opens the event folder at once, and the tiles of
 * the landed photos appear in the grid. Needs `vite build` first.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../test/helpers/fixtures';
import { makeCard } from '../test/helpers/make-card';
import { useEventApp } from './helpers/event-app';
import { waitForTiles } from './helpers/grid';

describe('ingest in browser mode', () => {
  // The app starts on another folder; the ingest's destination is opened by the dialog.
  const app = useEventApp(
    {
      prefix: 'captiondesk-e2e-ingest-',
      folderName: 'start',
      prepare: async ({ work }) => {
        await makeCard(join(work, 'card'));
      },
    },
    60_000,
  );

  it('ingests a card from the dialog and shows the landed photos as tiles', async () => {
    const { work } = app;
    const page = await app.openPage();
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
    await waitForTiles(page, 5, { timeout: 30_000 });
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
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
