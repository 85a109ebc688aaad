/**
 * The core announces article and event-template writes with their data: a second tab on the
 * same folder shows what the first one saved without re-reading, and a tab with typing of its
 * own in flight keeps it. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../test/helpers/run-cli';
import { useEventApp } from './helpers/event-app';

describe('what one tab saves shows in another', () => {
  const app = useEventApp(
    {
      prefix: 'captiondesk-article-sync-e2e-',
      folderName: 'Lũ ở Bảo Yên',
      photos: { 'DSC-0001.JPG': 'canon-eos1300d-18mp.jpg' },
      prepare: async ({ work, folder, env }) => {
        const structure = {
          headline: 'Lũ ở Bảo Yên',
          sapo: 'Sáng nay.',
          body: [{ type: 'photo', source: 'DSC-0001.JPG', caption: 'Nước lên nhanh.' }],
        };
        await importArticle(folder, structure, join(work, 'structure.json'), env);
      },
    },
    120_000,
  );

  async function articleTab(): Promise<Page> {
    const page = await app.openPage({ viewport: { width: 1400, height: 900 } });
    await page.getByTestId('photo-count').filter({ hasText: '1 ảnh' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByTestId('field-headline').inputValue()).toBe('Lũ ở Bảo Yên');
    return page;
  }

  it('follows the other tab, and never overwrites what is being typed', async () => {
    const a = await articleTab();
    const b = await articleTab();

    await b.getByTestId('field-sapo').fill('Sáng 3/12, nước sông Chảy lên nhanh.');
    await expect
      .poll(() => a.getByTestId('field-sapo').inputValue(), { timeout: 10_000 })
      .toBe('Sáng 3/12, nước sông Chảy lên nhanh.');

    // Tab A types a headline; B's own edit in flight at the same time is not replaced by
    // A's save while B is still typing, and once both have settled they agree.
    await a.getByTestId('field-headline').fill('Lũ dâng cao ở Bảo Yên');
    await expect
      .poll(() => b.getByTestId('field-headline').inputValue(), { timeout: 10_000 })
      .toBe('Lũ dâng cao ở Bảo Yên');
    // The sapo B typed stayed in B through A's save.
    expect(await b.getByTestId('field-sapo').inputValue()).toBe(
      'Sáng 3/12, nước sông Chảy lên nhanh.',
    );

    // On disk: one article with both edits.
    const dir = join(app.folder, '.captiondesk', 'articles');
    const files = existsSync(dir) ? await readdir(dir) : [];
    const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.some((t) => t.includes('Lũ dâng cao ở Bảo Yên') && t.includes('sông Chảy'))).toBe(
      true,
    );
    expect(app.pageErrors).toEqual([]);
    await a.close();
    await b.close();
  }, 90_000);

  it('the event template follows the other tab while its form is untouched', async () => {
    const openTemplate = async () => {
      const page = await app.openPage({ viewport: { width: 1400, height: 900 } });
      await page
        .getByTestId('photo-count')
        .filter({ hasText: '1 ảnh' })
        .waitFor({ timeout: 20_000 });
      await page.getByTestId('tile-DSC-0001.JPG').click();
      await page.keyboard.press('t');
      const panel = page.getByTestId('template-panel');
      await panel.getByTestId('tpl-city').waitFor();
      return { page, panel };
    };
    const a = await openTemplate();
    const b = await openTemplate();
    await b.panel.getByTestId('tpl-city').fill('Yên Bái');
    await b.page.keyboard.press('Escape');
    await b.panel.waitFor({ state: 'detached' });
    await expect
      .poll(() => a.panel.getByTestId('tpl-city').inputValue(), { timeout: 10_000 })
      .toBe('Yên Bái');
    expect(app.pageErrors).toEqual([]);
    await a.page.close();
    await b.page.close();
  }, 90_000);
});
