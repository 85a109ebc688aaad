/**
 * The core process dies under the UI, in browser mode through Debian's Chromium: once in
 * the middle of a caption save, once in the middle of an export. The page stays, says what
 * happened, saves the caption being typed when the core is back, and the export reports
 * the crash and succeeds when asked again. Nothing saved before is lost.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../test/helpers/run-cli';
import { corePidUnder } from './helpers/core-process';
import { useEventApp } from './helpers/event-app';

const FIRST = 'DSC-2403.JPG';
const SECOND = 'DSC-2409.JPG';

async function until<T>(what: string, get: () => T | null | Promise<T | null>): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await get();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a crash of the core process, seen from the browser', () => {
  const app = useEventApp(
    {
      prefix: 'captiondesk-core-crash-e2e-',
      folderName: 'Hội nghị BCH',
      photos: { [FIRST]: 'canon-eos1300d-18mp.jpg', [SECOND]: 'leica-t-orient8.jpg' },
      prepare: async ({ work, folder, env }) => {
        await importArticle(
          folder,
          {
            headline: 'Hội nghị Ban Chấp hành',
            sapo: 'Chiều 26/12, tại Lào Cai.',
            byline: 'Tùng Lâm',
            body: [
              { type: 'photo', source: FIRST, caption: 'Quang cảnh hội nghị.' },
              { type: 'photo', source: SECOND, caption: 'Đại biểu phát biểu.' },
            ],
          },
          join(work, 'structure.json'),
          env,
        );
      },
    },
    120_000,
  );

  it('mid-save: the typed caption survives and is saved once the core is back', async () => {
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    const status = page.getByTestId('save-status');

    await page.click(`[data-testid="tile-${FIRST}"]`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('Trước sự cố: quang cảnh hội nghị.');
    await status.filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });

    // Freeze the core so the next save is surely in flight, then kill it.
    const first = await until('the core process', () => corePidUnder(app.server.child.pid!));
    process.kill(first, 'SIGSTOP');
    await page.click(`[data-testid="tile-${SECOND}"]`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    const saving = page.waitForRequest((r) => r.url().endsWith('/api/setCaption'));
    await page.keyboard.insertText('Giữa sự cố: đại biểu phát biểu.');
    await saving;
    process.kill(first, 'SIGKILL');

    // The page says what happened, and the text in the editor is saved on the new core.
    await page.getByTestId('core-restarted').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('core-restarted').textContent()).toContain(
      'Bộ xử lý của CaptionDesk vừa gặp sự cố và đã tự khởi động lại',
    );
    expect(await page.getByTestId('caption-editor').inputValue()).toBe(
      'Giữa sự cố: đại biểu phát biểu.',
    );
    await status.filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 20_000 });
    const second = corePidUnder(app.server.child.pid!);
    expect(second).not.toBe(first);

    // What the folder holds: both captions, in the sidecars beside the photos.
    const sidecar = (f: string) => readFile(join(app.folder, f.replace(/\.JPG$/, '.xmp')), 'utf8');
    expect(await sidecar(FIRST)).toContain('Trước sự cố: quang cảnh hội nghị.');
    expect(await sidecar(SECOND)).toContain('Giữa sự cố: đại biểu phát biểu.');

    // Browser mode has no Help menu: Settings shows the log, which has the crash and the restart.
    await page.keyboard.press('Escape');
    await page.click('[data-testid="open-settings"]');
    await page.getByTestId('log-show').click();
    const lines = page.getByTestId('log-lines');
    await lines.filter({ hasText: 'core-restarted' }).waitFor({ timeout: 10_000 });
    expect(await lines.textContent()).toMatch(
      /ERROR core-crashed .*"reason":"signal SIGKILL","running":\[[^\]]*"setCaption"/,
    );
    expect(await page.getByTestId('log-path').textContent()).toBe(
      join(app.env.CAPTIONDESK_DATA_DIR, 'logs', 'captiondesk.log'),
    );
    await page.keyboard.press('Escape');
    expect(app.pageErrors).toEqual([]);
  });

  it('mid-export: the package dialog reports the crash, and building again works', async () => {
    const page = await app.openPage({ viewport: { width: 1600, height: 1000 } });
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+2');
    await page.getByTestId('field-headline').waitFor();
    await page.getByTestId('open-package').click();
    const dialog = page.getByTestId('package-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('pkg-outlet').fill('baolaocai');

    const building = page.waitForRequest((r) => r.url().endsWith('/api/buildPackage'));
    await dialog.getByTestId('pkg-build').click();
    const confirm = dialog.getByTestId('pkg-confirm');
    const sent = await Promise.race([
      building.then(() => true),
      confirm.waitFor({ timeout: 30_000 }).then(() => false),
    ]);
    if (!sent) {
      const again = page.waitForRequest((r) => r.url().endsWith('/api/buildPackage'));
      await dialog.getByTestId('pkg-build-anyway').click();
      await again;
    }
    const pid = await until('the core process', () => corePidUnder(app.server.child.pid!));
    process.kill(pid, 'SIGSTOP');
    process.kill(pid, 'SIGKILL');

    const alert = dialog.getByRole('alert').filter({ hasText: 'gặp sự cố' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Những gì đã lưu vẫn còn');

    // Asked again, the new core builds it whole.
    await dialog.getByTestId('pkg-build').click();
    if (await confirm.isVisible().catch(() => false))
      await dialog.getByTestId('pkg-build-anyway').click();
    const anyway = dialog.getByTestId('pkg-build-anyway');
    await Promise.race([
      anyway.waitFor({ timeout: 30_000 }).then(() => anyway.click()),
      dialog.getByTestId('pkg-verify').waitFor({ timeout: 30_000 }),
    ]);
    await dialog
      .getByTestId('pkg-verify')
      .filter({ hasText: 'Gói hợp lệ' })
      .waitFor({ timeout: 60_000 });
    const zipPath = (await dialog.getByTestId('pkg-result-path').textContent()) ?? '';
    const outDir = join(zipPath, '..');
    // No half package under a final name: the finished zip, and no temp files beside it.
    const beside = (await readdir(outDir)).filter((f) => !f.endsWith('.zip'));
    expect(beside).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
