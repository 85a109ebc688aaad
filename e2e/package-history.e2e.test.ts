/**
 * Package history comes from the core: packages built by the CLI (another process, before
 * the app ever ran) show in browser mode's package history, in the article workspace and
 * the package dialog, and one deleted on disk shows as missing. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  recordPageProblems,
  REPO,
  startServer,
  stopServerAndWait,
  type WebServer,
} from './helpers/web-app';
import { runCli as cli } from '../test/helpers/run-cli';

const fixtures = resolve(REPO, '../shared/fixtures/photos');
const HEADLINE = 'Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh';

describe('packages built by the CLI in the browser UI’s package history', () => {
  let work: string;
  let folder: string;
  let env: Record<string, string>;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  let sentZip: string;
  let folderZip: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(REPO, 'dist/renderer/index.html')))
      throw new Error('dist/renderer is missing: run "npm run build" before this test');
    work = await mkdtemp(join(tmpdir(), 'captiondesk-pkg-history-e2e-'));
    folder = join(work, 'Hội nghị BCH'.normalize('NFC'));
    await mkdir(folder);
    await copyFile(join(fixtures, 'canon-eos1300d-18mp.jpg'), join(folder, 'DSC-2403.JPG'));
    await copyFile(join(fixtures, 'leica-t-orient8.jpg'), join(folder, 'DSC-2409.JPG'));
    env = { CAPTIONDESK_DATA_DIR: join(work, 'data'), CAPTIONDESK_CACHE_DIR: join(work, 'cache') };
    const structure = join(work, 'structure.json');
    await writeFile(
      structure,
      JSON.stringify({
        headline: HEADLINE,
        sapo: 'Chiều 26/12, tại Lào Cai.',
        byline: 'Tùng Lâm',
        body: [
          { type: 'paragraph', text: 'Dự hội nghị có các đồng chí lãnh đạo tỉnh.' },
          { type: 'photo', source: 'DSC-2403.JPG', caption: 'Quang cảnh hội nghị.' },
          { type: 'photo', source: 'DSC-2409.JPG', caption: 'Đại biểu phát biểu.' },
        ],
      }),
    );
    const imported = await cli(['article', 'import', folder, structure], env);
    expect(imported.code, imported.out).toBe(0);
    const id = imported.out.trim();
    // One package sent somewhere else with --out, one into the folder's packages/.
    sentZip = join(work, 'gui-toa-soan', 'ban-gui.zip');
    const sent = await cli(
      ['package', folder, '--article', id, '--out', sentZip, '--outlet', 'baolaocai'],
      env,
    );
    expect(sent.code, sent.out).toBe(0);
    const kept = await cli(['package', folder, '--article', id, '--outlet', 'baolaocai'], env);
    expect(kept.code, kept.out).toBe(0);
    folderZip = kept.out.split('\t')[0]!;
    expect(folderZip.startsWith(join(folder, 'packages'))).toBe(true);

    server = await startServer(folder, env.CAPTIONDESK_DATA_DIR!, env.CAPTIONDESK_CACHE_DIR!);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServerAndWait(server.child);
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  it('lists both CLI packages, and one deleted on disk as missing', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    recordPageProblems(page, pageErrors);
    await page.goto(server.url);
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+2');
    await page.getByTestId('field-headline').waitFor();
    await expect.poll(() => page.getByTestId('field-headline').inputValue()).toBe(HEADLINE);

    // Beside the checks: the article's packages, newest first, from the core.
    const side = page
      .getByRole('region', { name: 'Kiểm tra trước khi đóng gói' })
      .getByTestId('pkg-history');
    const names = () => side.locator('li .path').allTextContents();
    await expect.poll(names, { timeout: 10_000 }).toEqual([basename(folderZip), basename(sentZip)]);

    // The package dialog lists them too.
    await page.getByTestId('open-package').click();
    const dialog = page.getByTestId('package-dialog');
    await dialog.waitFor();
    const inDialog = dialog.getByTestId('pkg-history');
    await expect
      .poll(() => inDialog.locator('li .path').allTextContents(), { timeout: 10_000 })
      .toEqual([basename(folderZip), basename(sentZip)]);
    expect(await inDialog.locator('li[data-status="ok"]').count()).toBe(2);
    await page.getByTestId('pkg-close').click();
    await dialog.waitFor({ state: 'detached' });

    // The zip sent elsewhere is deleted: listed again, it is marked missing, not dropped.
    await rm(sentZip);
    await page.getByTestId('open-package').click();
    await dialog.waitFor();
    const missing = dialog.getByTestId('pkg-history').locator('li[data-status="missing"]');
    await missing.waitFor({ timeout: 10_000 });
    expect(await missing.locator('.path').textContent()).toBe(basename(sentZip));
    expect(await missing.textContent()).toContain('Không còn ở chỗ cũ');
    await page.getByTestId('pkg-close').click();

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
