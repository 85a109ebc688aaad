/**
 * Editor review, end to end, in Debian's Chromium against browser mode: a real seed package
 * made by the core, opened, edited, commented and returned; hostile packages refused or shown
 * as text. Every request outside the local origin is blocked and must never be attempted.
 * Needs `vite build` first (the test command runs it).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCore } from '../electron/core/app-core';
import { smallPackage, writePackage } from '../test/helpers/review-package';
import { packageSeed, SEED_SOURCES } from '../test/helpers/seed-package';
import { useEventApp } from './helpers/event-app';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SCREENSHOT = '/tmp/review.png';
const XSS = '<img src=x onerror=alert(1)> <script>alert(2)</script> Lào Cai';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function openPackage(page: Page, path: string): Promise<void> {
  await page.getByTestId('review-mode-open').click();
  await page.getByTestId('review-open-path').fill(path);
  await page.getByTestId('review-open-submit').click();
}

describe('editor review in browser mode', () => {
  let pkgs: string;
  let articleId: string;

  // The app on the reporter's machine (its data: the article), which reviews here too.
  const app = useEventApp(
    {
      prefix: 'captiondesk-review-e2e-',
      photos: SEED_SOURCES,
      prepare: async ({ work, folder, env }) => {
        pkgs = join(work, 'inbox');
        await mkdir(pkgs);
        // The reporter's machine: a core of its own makes the real seed package.
        const reporter = createCore({
          dataDir: env.CAPTIONDESK_DATA_DIR,
          cacheDir: join(work, 'reporter', 'cache'),
          sampleDir: join(repo, 'assets/sample-event'),
          mode: 'cli',
          version: '0.1.0-test',
        });
        try {
          ({ articleId } = await packageSeed(reporter, folder, join(pkgs, 'seed.zip')));
        } finally {
          await reporter.close();
        }
        // Hostile packages: a photo with one byte flipped after packaging, markup in a caption.
        const tampered = await smallPackage();
        const photo = Buffer.from(tampered.files.get('photos/baolaocai-tl-02.jpg')!);
        photo[photo.length - 10] = photo[photo.length - 10]! ^ 0xff;
        tampered.files.set('photos/baolaocai-tl-02.jpg', photo);
        await writePackage(join(pkgs, 'tampered.zip'), tampered);
        await writePackage(join(pkgs, 'xss.zip'), await smallPackage([XSS, 'Ảnh hai']));
      },
      separateCsp: true,
    },
    90_000,
  );

  it('opens, edits, comments and returns; refuses a tampered photo; shows markup as text', async () => {
    const { origin } = app.server;
    const { pageErrors } = app;
    const foreign: string[] = [];
    const dialogs: string[] = [];
    const page = await app.openPage({
      viewport: { width: 1440, height: 1000 },
      beforeLoad: async (p) => {
        await p.route('**/*', (route) => {
          const url = route.request().url();
          if (new URL(url).origin === origin) return route.continue();
          foreign.push(url);
          return route.abort();
        });
        p.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
      },
    });
    await page
      .waitForSelector('[data-testid="workspace-review"]', { timeout: 20_000 })
      .catch(async (err: Error) => {
        await page.screenshot({ path: '/tmp/review-failed.png' });
        throw new Error(`${err.message}\npage errors: ${pageErrors.join('\n')}`);
      });
    await page.keyboard.press('Control+3');
    await page.waitForSelector('[data-testid="review-workspace"]');

    // 1. The real seed package, as laid out.
    const v1 = join(pkgs, 'seed.zip');
    const v1Sha = sha(await readFile(v1));
    await openPackage(page, v1);
    await page.waitForSelector('[data-testid="review-package"]', { timeout: 30_000 });
    const firstPhoto = page.locator('[data-testid^="review-photo-p"]').first();
    const photoId = (await firstPhoto.getAttribute('data-photo-id'))!;
    // The photo is served by the core at full export size.
    await page.waitForFunction(
      (id) => {
        const img = document.querySelector<HTMLImageElement>(`[data-photo-id="${id}"] img`);
        return !!img && img.complete && img.naturalWidth > 0;
      },
      photoId,
      { timeout: 15_000 },
    );

    // 2. Edit a caption and a paragraph, comment on a photo, return with a note.
    const caption = page.getByTestId(`review-caption-${photoId}`);
    const newCaption = `${await caption.inputValue()} Ảnh: Tùng Lâm.`;
    await caption.fill(newCaption);
    const paragraph = page.locator('[data-testid^="review-paragraph-"]').first();
    const paragraphBefore = await paragraph.inputValue();
    const firstWord = /^\S+/.exec(paragraphBefore)![0];
    await paragraph.fill(`${paragraphBefore.replace(/^\S+/, 'Tới')} Hội nghị kết thúc lúc 17 giờ.`);
    await page.getByTestId(`review-comment-open-${photoId}`).click();
    await page.getByTestId(`review-comment-text-${photoId}`).fill('Ảnh này hơi tối, xem lại.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.getByTestId(`review-comments-${photoId}`).textContent())
      .toContain('Ảnh này hơi tối, xem lại.');
    await page.getByTestId('review-reviewer').fill('Nguyễn Hà');
    // A return without a note is refused in the UI.
    await page.getByTestId('review-return').click();
    await expect.poll(() => page.getByTestId('review-problem').textContent()).toContain('ghi chú');
    await page.getByTestId('review-note').fill('Bổ sung tên người phát biểu ở đoạn đầu.');
    await page.getByTestId('review-return').click();
    const saved = page.getByTestId('review-saved');
    await saved.waitFor({ timeout: 30_000 });
    expect(await saved.textContent()).toContain('Đã lưu phiên bản 2 — bản 1 giữ nguyên');
    expect(await saved.textContent()).toContain('seed-v2.zip');
    expect(sha(await readFile(v1))).toBe(v1Sha);
    await page
      .getByTestId('review-workspace')
      .getByRole('article')
      .evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    // The new version shows its history and the comment beside its photo.
    await page.getByTestId('review-saved').getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('review-history').textContent(), { timeout: 30_000 })
      .toContain('Bổ sung tên người phát biểu');
    expect(await page.getByTestId(`review-caption-${photoId}`).inputValue()).toBe(newCaption);
    expect(await page.getByTestId(`review-comments-${photoId}`).textContent()).toContain(
      'Ảnh này hơi tối',
    );

    // Every photo of the package is served, at its full export size.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLImageElement>('[data-photo-id] img')].every(
          (img) => img.complete && img.naturalWidth === Number(img.getAttribute('width')),
        ),
      undefined,
      { timeout: 20_000 },
    );
    await page
      .getByText(/^Chùm \d+ ảnh/)
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/review-gallery.png' });

    // Compare v1 and v2: inserted words highlighted.
    await page.getByTestId('review-mode-compare').click();
    await page.getByTestId('review-compare-a').fill(v1);
    await page.getByTestId('review-compare-path').fill(join(pkgs, 'seed-v2.zip'));
    await page.getByTestId('review-compare-submit').click();
    await page.waitForSelector('[data-testid="review-diff"]', { timeout: 30_000 });
    const inserted = await page.$$eval('[data-testid="review-diff"] ins', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(inserted.join(' ')).toContain('Tùng Lâm');
    expect(inserted.join(' ')).toContain('17 giờ');
    const deleted = await page.$$eval('[data-testid="review-diff"] del', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(deleted).toContain(firstWord);
    await page.screenshot({ path: '/tmp/review-diff.png' });

    // The reporter opens the returned package: the editor's comments beside the article.
    await page.getByTestId('review-mode-returned').click();
    await page.getByTestId('review-returned-path').fill(join(pkgs, 'seed-v2.zip'));
    await page.getByTestId('review-returned-submit').click();
    const summary = page.getByTestId('review-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('Nhận xét cho bài:');
    expect(await summary.textContent()).toContain('Ảnh này hơi tối, xem lại.');
    expect(await summary.textContent()).toContain('Bổ sung tên người phát biểu');
    await page.getByTestId('review-take').click();
    await expect
      .poll(() => summary.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Đã áp dụng nội dung của biên tập viên');
    expect(await summary.getByRole('status').textContent()).toContain('(2 mục)');
    const taken = (await page.evaluate(
      ([f, id]) =>
        fetch('/api/getArticle', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: f, id }),
        }).then((r) => r.json()),
      [app.folder, articleId],
    )) as { value: { body: { type: string; text?: string }[] } };
    expect(JSON.stringify(taken.value.body)).toContain('Hội nghị kết thúc lúc 17 giờ.');
    await page.screenshot({ path: '/tmp/review-returned.png' });

    // 3. A tampered photo: refused, naming the file.
    await openPackage(page, join(pkgs, 'tampered.zip'));
    const refused = page.getByTestId('review-open-error');
    await refused.waitFor({ timeout: 30_000 });
    // Said in the UI's language, naming the member and the cause; no English inside it.
    const refusal = await refused.textContent();
    expect(refusal).toMatch(/photos\/baolaocai-tl-02\.jpg.*không khớp với bản kê khai/);
    expect(refusal).not.toMatch(/mismatch|sha256/);

    // 4. Markup in a caption is text: shown verbatim, never run.
    await openPackage(page, join(pkgs, 'xss.zip'));
    await page.waitForSelector('[data-testid="review-caption-p1"]', { timeout: 30_000 });
    expect(await page.getByTestId('review-caption-p1').inputValue()).toBe(XSS);
    expect(
      await page.locator('details', { hasText: 'Thông tin trong tệp ảnh' }).first().textContent(),
    ).toContain(XSS);
    expect(await page.locator('img[src="x"], script:not([type="module"])').count()).toBe(0);
    // Keyboard reordering: Alt+↑ moves the focused photo up, and the keyboard stays on it.
    await page.getByTestId('review-photo-p2').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() =>
        page.$$eval('[data-photo-id]', (els) => els.map((e) => e.getAttribute('data-photo-id'))),
      )
      .toEqual(['p2', 'p1']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-photo-id'))).toBe(
      'p2',
    );
    expect(await page.getByTestId('review-pending').textContent()).toBe('1 thay đổi chưa lưu');
    await page.waitForTimeout(300);

    expect(dialogs).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  }, 90_000);
});
