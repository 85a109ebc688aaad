/**
 * The core announces article writes with their text: a second tab on the same folder shows
 * what the first one typed without re-reading, and a tab with typing of its own in flight
 * keeps it. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  recordPageProblems,
  REPO,
  startServer,
  stopServerAndWait,
  type WebServer,
} from './helpers/web-app';
import { runCli } from '../test/helpers/run-cli';

const fixtures = resolve(REPO, '../shared/fixtures/photos');

describe('an article saved in one tab shows in another', () => {
  let work: string;
  let folder: string;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(REPO, 'dist/renderer/index.html')))
      throw new Error('dist/renderer is missing: run "npm run build" before this test');
    work = await mkdtemp(join(tmpdir(), 'captiondesk-article-sync-e2e-'));
    folder = join(work, 'Lũ ở Bảo Yên'.normalize('NFC'));
    await mkdir(folder);
    await copyFile(join(fixtures, 'canon-eos1300d-18mp.jpg'), join(folder, 'DSC-0001.JPG'));
    const env = {
      CAPTIONDESK_DATA_DIR: join(work, 'data'),
      CAPTIONDESK_CACHE_DIR: join(work, 'cache'),
    };
    const structure = join(work, 'structure.json');
    await writeFile(
      structure,
      JSON.stringify({
        headline: 'Lũ ở Bảo Yên',
        sapo: 'Sáng nay.',
        body: [{ type: 'photo', source: 'DSC-0001.JPG', caption: 'Nước lên nhanh.' }],
      }),
    );
    const imported = await runCli(['article', 'import', folder, structure], env);
    expect(imported.code, imported.out).toBe(0);
    server = await startServer(folder, env.CAPTIONDESK_DATA_DIR, env.CAPTIONDESK_CACHE_DIR);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServerAndWait(server.child);
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  async function articleTab(): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    recordPageProblems(page, pageErrors);
    await page.goto(server!.url);
    await page.getByTestId('photo-count').filter({ hasText: '1 ảnh' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByTestId('field-headline').inputValue()).toBe('Lũ ở Bảo Yên');
    return page;
  }

  it('follows the other tab, and never overwrites what is being typed', async () => {
    if (!server || !browser) throw new Error('setup failed');
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
    const dir = join(folder, '.captiondesk', 'articles');
    const files = existsSync(dir) ? await readdir(dir) : [];
    const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.some((t) => t.includes('Lũ dâng cao ở Bảo Yên') && t.includes('sông Chảy'))).toBe(
      true,
    );
    expect(pageErrors).toEqual([]);
    await a.close();
    await b.close();
  }, 90_000);
});
