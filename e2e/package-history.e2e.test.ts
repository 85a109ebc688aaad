/**
 * Package history comes from the core: packages built by the CLI (another process, before
 * the app ever ran) show in browser mode's package history, in the article workspace and
 * the package dialog, and one deleted on disk shows as missing. Needs `npm run build` first.
 */
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, runCli as cli } from '../test/helpers/run-cli';
import {
  CONFERENCE_HEADLINE,
  CONFERENCE_PHOTOS,
  conferenceStructure,
} from './helpers/conference-article';
import { useEventApp, type EventDirs } from './helpers/event-app';

describe('packages built by the CLI in the browser UI’s package history', () => {
  let sentZip: string;
  let folderZip: string;

  const app = useEventApp(
    {
      prefix: 'captiondesk-pkg-history-e2e-',
      folderName: 'Hội nghị BCH',
      photos: CONFERENCE_PHOTOS,
      prepare: cliPackages,
    },
    120_000,
  );

  /** Before the app ever runs: the article imported and packaged twice by the CLI. */
  async function cliPackages({ work, folder, env }: EventDirs): Promise<void> {
    const id = await importArticle(
      folder,
      conferenceStructure(),
      join(work, 'structure.json'),
      env,
    );
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
  }

  it('lists both CLI packages, and one deleted on disk as missing', async () => {
    const page = await app.openPage({ viewport: { width: 1600, height: 1000 } });
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+2');
    await page.getByTestId('field-headline').waitFor();
    await expect
      .poll(() => page.getByTestId('field-headline').inputValue())
      .toBe(CONFERENCE_HEADLINE);

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

    expect(app.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
