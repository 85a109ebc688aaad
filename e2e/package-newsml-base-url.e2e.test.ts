/**
 * The package dialog's "Package HTTP address (NewsML-G2)" option in browser mode: a URL a
 * desk cannot fetch from is refused as typed and at Build, naming the option; a good one goes
 * to buildPackage as newsmlBaseUrl, so the package's newsml.xml has absolute photo hrefs; and
 * the dialog remembers it for the event. Needs `npm run build` first.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../electron/contract/package-manifest';
import { openZip } from '../electron/core/zip';
import { importArticle } from '../test/helpers/run-cli';
import {
  CONFERENCE_HEADLINE,
  CONFERENCE_PHOTOS,
  conferenceStructure,
} from './helpers/conference-article';
import { useEventApp, type EventDirs } from './helpers/event-app';
import { buildValidPackage, openPackageDialog } from './helpers/package-dialog';

const BASE = 'https://desk.example.vn/goi-tin/hoi-nghi';
const SCREENSHOT = '/tmp/package-newsml-base-url.png';

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function openDialog(page: Page) {
  await page.getByTestId('open-package').click();
  const dialog = page.getByTestId('package-dialog');
  await dialog.waitFor();
  return dialog;
}

describe('the package dialog’s NewsML-G2 HTTP address', () => {
  const app = useEventApp(
    {
      prefix: 'captiondesk-newsml-base-e2e-',
      folderName: 'Hội nghị BCH',
      photos: CONFERENCE_PHOTOS,
      prepare: async ({ work, folder, env }: EventDirs) => {
        await importArticle(folder, conferenceStructure(), join(work, 'structure.json'), env);
      },
    },
    120_000,
  );

  it('refuses a URL it cannot use, sends a good one, and remembers it for the event', async () => {
    const page = await app.openPage({ viewport: { width: 1600, height: 1000 } });
    const sent: unknown[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/buildPackage')) sent.push(r.postDataJSON());
    });
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    const dialog = await openPackageDialog(page);
    await expect
      .poll(() => page.getByTestId('field-headline').inputValue())
      .toBe(CONFERENCE_HEADLINE);
    await dialog.getByTestId('pkg-outlet').fill('baolaocai');
    const field = dialog.getByTestId('pkg-newsml-base-url');
    const hint = dialog.getByTestId('pkg-newsml-base-url-hint');
    expect(await field.inputValue()).toBe('');
    expect(await hint.textContent()).toContain('Để trống nếu tòa soạn nhận tệp zip');

    // As typed: the hint turns into the reason, naming the option.
    await field.fill('ftp://desk.example.vn/goi-tin/');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await hint.textContent()).toBe(
      'Địa chỉ HTTP của gói (NewsML-G2): chỉ dùng được địa chỉ http:// hoặc https://.',
    );
    // At Build: nothing is sent, the note says why, and the field has the focus.
    await dialog.getByTestId('pkg-build').click();
    await expect
      .poll(() => dialog.getByRole('alert').first().textContent())
      .toContain('Địa chỉ HTTP của gói (NewsML-G2)');
    expect(await activeTestId(page)).toBe('pkg-newsml-base-url');
    expect(sent).toEqual([]);
    await page.screenshot({ path: SCREENSHOT });

    await field.fill('desk.example.vn/goi-tin');
    expect(await hint.textContent()).toContain('cần địa chỉ đầy đủ');

    // A good one is sent as newsmlBaseUrl and ends up in the package.
    await field.fill(BASE);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    const zipPath = await buildValidPackage(dialog);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ newsmlBaseUrl: BASE, outlet: 'baolaocai' });

    const zips = (await readdir(join(app.folder, 'packages'))).filter((f) => f.endsWith('.zip'));
    expect(zips.map((z) => join(app.folder, 'packages', z))).toEqual([zipPath]);
    const zip = await openZip(zipPath);
    try {
      const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
      expect(manifest.newsml).toEqual({ baseUrl: BASE });
      const xml = (await zip.read('newsml.xml')).toString('utf8');
      const hrefs = [...xml.matchAll(/<remoteContent [^>]*href="([^"]+)"/g)].map((x) => x[1]);
      // The base is a folder: its last segment stays in the path.
      expect(hrefs.sort()).toEqual(manifest.photos.map((p) => `${BASE}/${p.file}`).sort());
    } finally {
      await zip.close();
    }

    // Opened again for this event, the dialog has it filled in.
    await dialog.getByTestId('pkg-close').click();
    await dialog.waitFor({ state: 'detached' });
    const again = await openDialog(page);
    expect(await again.getByTestId('pkg-newsml-base-url').inputValue()).toBe(BASE);
    await again.getByTestId('pkg-close').click();

    expect(app.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);
});
