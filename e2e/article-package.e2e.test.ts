/**
 * Write an article around photos and package it, end to end, in Debian's Chromium against
 * browser mode: the real server, core and built renderer on renamed copies of fixture
 * photos (DSC-2403.JPG…, as in the seed article). Needs `vite build` first.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEventApp } from './helpers/event-app';

const SCREENSHOT = '/tmp/article-workspace.png';
const SCREENSHOT_DIALOG = '/tmp/article-package-dialog.png';

/** Camera names of the seed article, each a copy of a real fixture with its quirks. */
const SOURCES: Record<string, string> = {
  'DSC-2403.JPG': 'canon-eos1300d-18mp.jpg',
  'DSC-2409.JPG': 'leica-t-orient8.jpg',
  'DSC-2419.JPG': 'canon-eos1000d-orient6.jpg',
  'DSC-2437.JPG': 'iphone5-orient3-gps.jpg',
  'DSC-2460.JPG': 'samsung-j327t1-orient6.jpg',
};

const HEADLINE =
  '"Lấy công tác chăm lo, bảo vệ quyền lợi cho đoàn viên, lao động là thước đo hiệu quả hoạt động công đoàn"';
const SAPO =
  'Đó là ý kiến chỉ đạo của đồng chí Hoàng Giang, Phó Bí thư Tỉnh ủy tại Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh Lào Cai lần thứ 8.';
const P1 =
  'Dự hội nghị có các đồng chí: Thái Thu Xương, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam; lãnh đạo một số ban, ngành của tỉnh.';
const P2 =
  'Phát biểu tại hội nghị, Phó Bí thư Tỉnh ủy Hoàng Giang đã biểu dương kết quả, thành tích công tác, hoạt động công đoàn năm 2024.';
const GALLERY_CAPTION =
  'Tại hội nghị, Liên đoàn Lao động tỉnh đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc (ảnh trên).';
const PHOTO_CAPTION = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.';
const IMPORTED_CAPTION = 'Đồng chí Thái Thu Xương, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam.';

/** Generous, for a loaded machine: one page evaluation can take a while there. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

const blockTypes = (page: Page) =>
  page.$$eval('[data-testid="article-block"]', (els) =>
    els.map((e) => e.getAttribute('data-block-type')),
  );

const previewTypes = (page: Page) =>
  page.$$eval('[data-testid="preview-block"]', (els) =>
    els.map((e) => e.getAttribute('data-type')),
  );

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Drop a strip photo onto the lower edge of `target` (the gap after it). */
async function dragPhotoBelow(page: Page, file: string, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target not visible');
  await page
    .getByTestId(`strip-${file}`)
    .dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 3 } });
}

describe('write an article and package it in browser mode', () => {
  let folder: string;

  const app = useEventApp({
    prefix: 'captiondesk-article-e2e-',
    folderName: 'Hội nghị BCH LĐLĐ tỉnh',
    photos: SOURCES,
    separateCsp: true,
  });

  beforeAll(async () => {
    folder = app.folder;
  });

  it('writes, places photos, captions inline, packages and verifies', async () => {
    const page = await app.openPage({ viewport: { width: 1600, height: 1000 } });
    await page.getByTestId('photo-count').filter({ hasText: '5 ảnh' }).waitFor({ timeout: 20_000 });

    // Ctrl+2: the article workspace, with the folder's photos in the strip.
    await page.keyboard.press('Control+2');
    await page.getByTestId('article-workspace').waitFor();
    await poll(() => page.locator('[data-testid^="strip-DSC-"]').count()).toBe(5);
    await page.getByTestId('article-list').waitFor({ state: 'attached' });

    // (1) A new article: headline, Enter, sapo, Enter, two paragraphs (Enter between).
    await page.getByTestId('article-new').click();
    await poll(() => activeTestId(page)).toBe('field-headline');
    await page.keyboard.insertText(HEADLINE);
    await page.keyboard.press('Enter');
    expect(await activeTestId(page)).toBe('field-sapo');
    await page.keyboard.insertText(SAPO);
    await page.keyboard.press('Enter');
    await poll(() => activeTestId(page)).toBe('paragraph-input');
    await page.keyboard.insertText(P1);
    await page.keyboard.press('Enter');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph']);
    await page.keyboard.insertText(P2);
    // Enter then Backspace in the empty paragraph takes it away again.
    await page.keyboard.press('Enter');
    await poll(() => blockTypes(page)).toHaveLength(3);
    await page.keyboard.press('Backspace');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph']);
    await page.getByTestId('field-byline').fill('Tùng Lâm');
    await page.getByTestId('field-place').fill('Lào Cai');
    await page.getByTestId('field-byline').focus();
    await page.getByTestId('field-place').focus();
    await expect(page.getByTestId('field-authorInitials').inputValue()).resolves.toBe('tl');

    // (2) Two photos dragged from the strip to the end of the body, made one gallery.
    const end = page.getByTestId('article-body-end');
    await dragPhotoBelow(page, 'DSC-2409.JPG', end);
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph', 'photo']);
    await dragPhotoBelow(page, 'DSC-2419.JPG', end);
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph', 'photo', 'photo']);
    const photos = page.locator('[data-testid="article-block"][data-block-type="photo"]');
    await photos.nth(0).getByTestId('block-select').check();
    await photos.nth(1).getByTestId('block-select').check();
    await page.getByTestId('merge-gallery').click();
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph', 'gallery']);
    await poll(() => activeTestId(page)).toBe('gallery-caption');
    await page.keyboard.insertText(GALLERY_CAPTION);
    const gallery = page.locator('[data-block-type="gallery"]');
    expect(await gallery.getByTestId('gallery-photo-name').allTextContents()).toEqual([
      'DSC-2409.JPG',
      'DSC-2419.JPG',
    ]);

    // (3) A single photo dropped between the paragraphs, captioned inline: that is the
    // photo's own caption, saved to its sidecar.
    const firstParagraph = page.locator('[data-block-type="paragraph"]').first();
    await dragPhotoBelow(page, 'DSC-2403.JPG', firstParagraph);
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'photo', 'paragraph', 'gallery']);
    const single = page.locator('[data-block-type="photo"]');
    await single.getByTestId('photo-caption').click();
    await page.keyboard.insertText(PHOTO_CAPTION);
    await single
      .getByTestId('photo-caption-status')
      .filter({ hasText: 'Đã lưu' })
      .waitFor({ timeout: 10_000 });
    // One truth per photo: the caption is in the photo's sidecar, not in the article.
    const sidecar = (await readdir(folder)).find((f) => /^DSC-2403.*\.xmp$/i.test(f));
    expect(sidecar).toBeDefined();
    expect(await readFile(join(folder, sidecar!), 'utf8')).toContain(PHOTO_CAPTION);
    // Keyboard order: Alt+↓ moves the photo below the next paragraph, Alt+↑ brings it back.
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'paragraph', 'photo', 'gallery']);
    expect(await activeTestId(page)).toBe('photo-caption');
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'photo', 'paragraph', 'gallery']);

    // The preview lays the blocks out in the same order, captions under the pictures.
    await poll(() => previewTypes(page)).toEqual(['paragraph', 'photo', 'paragraph', 'gallery']);
    const preview = page.getByTestId('article-preview');
    expect(await preview.getByRole('heading', { level: 1 }).textContent()).toBe(HEADLINE);
    expect(await preview.getByTestId('preview-sapo').textContent()).toBe(SAPO);
    expect(await preview.locator('figcaption').allTextContents()).toEqual([
      PHOTO_CAPTION,
      GALLERY_CAPTION,
    ]);
    await page
      .getByTestId('article-save-status')
      .filter({ hasText: 'Đã lưu' })
      .waitFor({ timeout: 10_000 });

    // A check points at its place: the gallery photos have no credit.
    const checks = page.getByTestId('check-item');
    await poll(() => checks.count()).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT });

    // (4) The package dialog: outlet and initials, names previewed, packaged anyway.
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByTestId('package-dialog');
    await dialog.waitFor();
    await page.getByTestId('pkg-outlet').fill('baolaocai');
    await page.getByTestId('pkg-initials').fill('tl');
    expect(await page.getByTestId('pkg-names').getByTestId('pkg-name').allTextContents()).toEqual([
      'baolaocai-tl_dsc-2403.jpg',
      'baolaocai-tl_dsc-2409.jpg',
      'baolaocai-tl_dsc-2419.jpg',
    ]);
    await page.getByTestId('pkg-checks').waitFor();
    await page.getByTestId('pkg-build').click();
    await page.getByTestId('pkg-confirm').waitFor();
    await page.getByTestId('pkg-build-anyway').click();
    const bar = page.getByTestId('pkg-progress-bar');
    await bar.waitFor({ timeout: 5_000 });
    // (5) The result: the package, verified.
    await page
      .getByTestId('pkg-verify')
      .filter({ hasText: 'Gói hợp lệ' })
      .waitFor({ timeout: 60_000 });
    expect(Number(await bar.getAttribute('data-total'))).toBe(4);
    expect(await bar.getAttribute('data-done')).toBe(await bar.getAttribute('data-total'));
    expect(await page.getByTestId('pkg-result-photos').textContent()).toBe('3');
    const zipPath = (await page.getByTestId('pkg-result-path').textContent()) ?? '';
    expect(await dialog.getByTestId('pkg-history').textContent()).toContain(basename(zipPath));
    await page.screenshot({ path: SCREENSHOT_DIALOG });

    // On disk: <folder>/packages/<outlet>-<date>-<slug>.zip, a zip.
    const zips = (await readdir(join(folder, 'packages'))).filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    expect(zips[0]).toMatch(/^baolaocai-\d{4}-\d{2}-\d{2}-lay-cong-tac-cham-lo-.*\.zip$/);
    expect(zipPath).toBe(join(folder, 'packages', zips[0]!));
    const handle = await open(zipPath, 'r');
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    await handle.close();
    expect(head.toString('latin1')).toBe('PK');

    // The article itself is saved with the folder, blocks in article order.
    const articles = join(folder, '.captiondesk', 'articles');
    const [saved] = await readdir(articles);
    const article = JSON.parse(await readFile(join(articles, saved!), 'utf8')) as {
      headline: string;
      body: { type: string; file?: string; files?: string[]; caption?: string }[];
    };
    expect(article.headline).toBe(HEADLINE);
    expect(article.body.map((b) => b.file ?? b.files ?? b.type)).toEqual([
      'paragraph',
      'DSC-2403.JPG',
      'paragraph',
      ['DSC-2409.JPG', 'DSC-2419.JPG'],
    ]);
    expect(article.body[3]!.caption).toBe(GALLERY_CAPTION);

    await page.getByTestId('pkg-close').click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    await page.close();
  }, 90_000);

  it('imports structure.json, points at each check, splits, merges, reorders and deletes', async () => {
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.getByTestId('photo-count').filter({ hasText: '5 ảnh' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('workspace-article').click();
    // The article written before is opened again.
    await page.getByTestId('field-headline').waitFor();
    expect(await page.getByTestId('field-headline').inputValue()).toBe(HEADLINE);

    const structure = {
      headline: 'Trao Cờ thi đua cho các tập thể',
      sapo: 'Liên đoàn Lao động tỉnh Lào Cai trao Cờ thi đua cho các tập thể xuất sắc.',
      body: [
        { type: 'paragraph', text: 'Toàn tỉnh hiện có hơn 46.000 công nhân, viên chức, lao động.' },
        { type: 'photo', source: 'dsc-2437.jpg', caption: IMPORTED_CAPTION },
        {
          type: 'gallery',
          photos: [{ source: 'DSC-2460.JPG' }, { source: 'DSC-2403.JPG' }],
          caption: 'Các tập thể nhận Cờ thi đua (ảnh trên).',
        },
      ],
    };
    await page.getByTestId('article-import-file').setInputFiles({
      name: 'structure.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(structure)),
    });
    await poll(() => page.getByTestId('article-item').count()).toBe(2);
    await poll(() => page.getByTestId('field-headline').inputValue()).toBe(structure.headline);
    expect(await blockTypes(page)).toEqual(['paragraph', 'photo', 'gallery']);
    // The imported caption went to the photo itself, and the block shows it.
    await poll(() => page.getByTestId('photo-caption').inputValue()).toBe(IMPORTED_CAPTION);

    // Each check leads to its place.
    await page.locator('[data-testid="check-item"][data-code="noByline"]').click();
    expect(await activeTestId(page)).toBe('field-byline');
    await page.locator('[data-testid="check-item"][data-code="noCredit"]').first().click();
    expect(await activeTestId(page)).toBe('photo-caption');

    // Ctrl+Shift+G splits the gallery (its shared caption goes, so it asks first).
    await page.getByTestId('gallery-caption').click();
    await page.keyboard.press('Control+Shift+G');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'photo', 'photo', 'photo']);
    // Ctrl+G merges the photo being captioned with its neighbour again.
    expect(await activeTestId(page)).toBe('photo-caption');
    await page.keyboard.press('Control+G');
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'photo', 'gallery']);

    // A block dragged by its handle above the photo.
    // The handle is hidden from assistive tech (the keyboard moves blocks with Alt+↑/↓); its title names it.
    const galleryHandle = page.locator('[data-block-type="gallery"]').getByTitle('Kéo để sắp xếp');
    await galleryHandle.dragTo(page.locator('[data-block-type="photo"]'), {
      targetPosition: { x: 200, y: 4 },
    });
    await poll(() => blockTypes(page)).toEqual(['paragraph', 'gallery', 'photo']);
    await poll(() => previewTypes(page)).toEqual(['paragraph', 'gallery', 'photo']);

    // Deleting asks, then the article and its file are gone.
    const articles = join(folder, '.captiondesk', 'articles');
    await page
      .getByTestId('article-save-status')
      .filter({ hasText: 'Đã lưu' })
      .waitFor({ timeout: 10_000 });
    expect(await readdir(articles)).toHaveLength(2);
    await page.getByTestId('article-delete').first().click();
    await page.getByTestId('confirm-ok').click();
    await poll(() => page.getByTestId('article-item').count()).toBe(1);
    await poll(() => readdir(articles).then((f) => f.length)).toBe(1);

    // Ctrl+1: back to the photos.
    await page.keyboard.press('Control+1');
    await page.getByTestId('grid').waitFor();
    expect(app.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
