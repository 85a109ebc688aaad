/**
 * The captioning tools end to end, in Debian's Chromium against browser mode: event
 * template, code replacements, live {variables}, TCVN3 paste repair, find and replace,
 * search and culling, on a copy of five fixture photos. Needs `vite build` first (the
 * test command runs it).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unicodeToTcvn3 } from '../common/text/legacy-vietnamese';
import { useEventApp, FIXTURES } from './helpers/event-app';
import { tileNames, waitForTiles } from './helpers/grid';

const SCREENSHOT = '/tmp/captioning-tools.png';

// Sorted as the grid lists them: the first three get the template.
const PHOTOS = [
  'canon-eos1300d-18mp.jpg',
  'canon-eos30d-progressive-bad-iptc.jpg',
  'canon-eos350d-progressive.jpg',
  'fujifilm-s2pro-iptc-caption.jpg',
  'nikon-d3s-lightroom-iptc.jpg',
];
const [A, B, C, D] = PHOTOS as [string, string, string, string, string];
const HG = 'Phó Bí thư Tỉnh ủy Hoàng Giang';

async function sha256s(dir: string, files: string[]): Promise<string[]> {
  return Promise.all(
    files.map(async (f) =>
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    ),
  );
}

const tile = (file: string) => `[data-testid="tile-${file}"]`;

const shownTiles = (page: Page) => tileNames(page, '[role="option"][data-testid^="tile-"]');

const selectedFiles = (page: Page) => tileNames(page, '[role="option"][aria-selected="true"]');

async function editorValue(page: Page): Promise<string> {
  return page.getByTestId('caption-editor').inputValue();
}

async function waitForEditor(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      (document.querySelector('[data-testid="caption-editor"]') as HTMLTextAreaElement | null)
        ?.value === text,
    expected,
    { timeout: 10_000 },
  );
}

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
}

/** Plain click on a tile, then Enter: the editor of that photo has the keyboard. */
async function editCaptionOf(page: Page, file: string): Promise<void> {
  await page.click(tile(file));
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'caption-editor',
  );
}

describe('captioning tools in browser mode', () => {
  let folder: string;
  let originals: string[];
  let page: Page;

  const app = useEventApp({
    prefix: 'captiondesk-tools-',
    folderName: 'Hội nghị BCH',
    photos: PHOTOS,
  });

  beforeAll(async () => {
    folder = app.folder;
    originals = await sha256s(FIXTURES, PHOTOS);
    page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await waitForTiles(page, PHOTOS.length, { timeout: 20_000 });
  });

  it('applies the event template to three selected photos', async () => {
    const count = () => page.getByTestId('selection-count').textContent();
    const selected = () =>
      page.$$eval('[role="option"][aria-selected="true"]', (els) => els.length);
    // Ctrl/Cmd+A, Ctrl/Cmd+click and Shift+click, then Shift+arrows for the range.
    await page.click(tile(A));
    await page.keyboard.press('Control+a');
    expect(await count()).toBe('Đã chọn 5 ảnh');
    await page.click(tile(A));
    await page.click(tile(D), { modifiers: ['Control'] });
    await page.click(tile(B), { modifiers: ['Control'] });
    expect(await count()).toBe('Đã chọn 3 ảnh');
    await page.click(tile(D), { modifiers: ['Control'] });
    expect(await selected()).toBe(2);
    // Shift+click replaces the selection with the range from the last picked photo.
    await page.click(tile(C), { modifiers: ['Shift'] });
    expect(await selectedFiles(page)).toEqual([B, C]);
    await page.click(tile(A));
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await count()).toBe('Đã chọn 3 ảnh');
    expect(await shownTiles(page)).toEqual(PHOTOS);
    expect(await selectedFiles(page)).toEqual([A, B, C]);

    await page.keyboard.press('t');
    const panel = page.getByTestId('template-panel');
    await panel.getByTestId('tpl-city').waitFor();
    await panel.getByTestId('tpl-city').fill('Lao Cai');
    await panel.getByTestId('tpl-byline').fill('Tùng Lâm');
    await panel.getByTestId('tpl-credit').fill('Báo Lào Cai');
    // Typing ticks "apply"; the byte budget counts bytes, not letters.
    for (const f of ['city', 'byline', 'credit']) {
      expect(await panel.getByTestId(`tpl-${f}-apply`).isChecked()).toBe(true);
    }
    expect(await panel.getByTestId('tpl-credit-bytes').textContent()).toBe('13/32 byte');
    // The event's time zone, for capture times no file gives an offset: the computer's at first.
    const zone = panel.getByLabel('Múi giờ sự kiện');
    expect(await zone.inputValue()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await zone.selectOption('Europe/Berlin');
    await panel.getByTestId('template-apply-selection').click();
    await panel
      .getByTestId('template-note')
      .filter({ hasText: 'Đã áp dụng mẫu cho 3 ảnh' })
      .waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The info panel and the fields of the selection show it; the fourth photo does not.
    await page.getByTestId('info-place').filter({ hasText: 'Lao Cai' }).waitFor();
    expect(await page.getByTestId('info-byline').textContent()).toBe('Tùng Lâm');
    expect(await page.getByTestId('field-credit').inputValue()).toBe('Báo Lào Cai');
    expect(await page.getByTestId('fields-scope').textContent()).toBe('Áp dụng cho 3 ảnh đã chọn');
    await page.click(tile(D));
    expect(await page.getByTestId('field-city').inputValue()).toBe('Gateshead');
    // Searching by place finds exactly the three.
    await page.getByTestId('search').fill('lao cai');
    await waitForTiles(page, 3);
    expect(await shownTiles(page)).toEqual([A, B, C]);
    await page.getByTestId('search').fill('');

    // The time zone was saved with the event: the panel opens with it again.
    await page.click(tile(A));
    await page.keyboard.press('t');
    await panel.getByTestId('tpl-time-zone').waitFor();
    expect(await panel.getByTestId('tpl-time-zone').inputValue()).toBe('Europe/Berlin');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('expands =hg= as typed, offers =hoang, and renders {city} live', async () => {
    await editCaptionOf(page, A);
    await page.keyboard.type('=hg=');
    expect(await editorValue(page)).toBe(HG);
    await page.keyboard.type(' phát biểu tại ');
    // The variables menu inserts {city} at the caret.
    await page.getByTestId('variables-button').click();
    await page.getByTestId('variable-city').click();
    await page.keyboard.type(' ngày 26/12/2024.');
    expect(await editorValue(page)).toBe(`${HG} phát biểu tại {city} ngày 26/12/2024.`);
    await waitSaved(page);
    await page
      .getByTestId('caption-rendered')
      .filter({ hasText: `${HG} phát biểu tại Lao Cai ngày 26/12/2024.` })
      .waitFor();

    // "=hoang" finds Hoàng Giang ignoring marks; Enter takes it.
    await page.keyboard.press('Escape');
    await editCaptionOf(page, B);
    await page.keyboard.type('Đại biểu và =hoang');
    const list = page.getByTestId('code-suggestions');
    await list.waitFor();
    expect(await list.locator('[role="option"]').first().textContent()).toContain(HG);
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await page.keyboard.type(' dự hội nghị.');
    expect(await editorValue(page)).toBe(`Đại biểu và ${HG} dự hội nghị.`);
    await waitSaved(page);
    await page.keyboard.press('Escape');

    // Correcting the city in the template re-renders the caption that says {city}.
    await page.click(tile(A));
    await page.keyboard.press('t');
    const panel = page.getByTestId('template-panel');
    await panel.getByTestId('tpl-city').fill('Lào Cai');
    expect(await panel.getByTestId('tpl-city-bytes').textContent()).toBe('8/32 byte');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page
      .getByTestId('caption-rendered')
      .filter({ hasText: `${HG} phát biểu tại Lào Cai ngày 26/12/2024.` })
      .waitFor({ timeout: 10_000 });
    expect(await editorValue(page)).toBe(`${HG} phát biểu tại {city} ngày 26/12/2024.`);
  });

  it('offers to repair pasted TCVN3 text, with a preview, and repairs it', async () => {
    const legacy = unicodeToTcvn3('Mường Khương, Bảo Thắng');
    expect(legacy).not.toBe('Mường Khương, Bảo Thắng');
    await editCaptionOf(page, C);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document
        .querySelector('[data-testid="caption-editor"]')
        ?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    }, legacy);
    const offer = page.getByTestId('legacy-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('TCVN3');
    expect(await page.getByTestId('legacy-preview').textContent()).toBe('Mường Khương, Bảo Thắng');
    expect(await editorValue(page)).toBe(legacy);
    await page.getByTestId('legacy-repair').click();
    await waitForEditor(page, 'Mường Khương, Bảo Thắng');
    await offer.waitFor({ state: 'detached' });
    await waitSaved(page);
    await page.keyboard.press('Escape');
  });

  it('asks which text wins when the caption was changed elsewhere', async () => {
    const E = PHOTOS[4]!;
    await editCaptionOf(page, E);
    await page.keyboard.type('Bản của tôi.');
    await waitSaved(page);
    // Another program writes the caption meanwhile.
    const theirs = 'Bản của họ.';
    await page.evaluate(
      async ([dir, file, text]) => {
        await fetch('/api/setCaption', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: dir, file, text }),
        });
      },
      [folder, E, theirs],
    );
    await page.keyboard.type(' Thêm.');
    const conflict = page.getByTestId('caption-conflict');
    await conflict.getByTestId('conflict-theirs').filter({ hasText: theirs }).waitFor();
    expect(await editorValue(page)).toBe('Bản của tôi. Thêm.');
    await conflict.getByTestId('conflict-keep-mine').click();
    await conflict.waitFor({ state: 'detached' });
    await waitSaved(page);
    const saved = await page.evaluate(
      async ([dir, file]) => {
        const r = await fetch('/api/photoDetails', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: dir, file }),
        });
        return ((await r.json()) as { value: { captionOwn: string } }).value.captionOwn;
      },
      [folder, E],
    );
    expect(saved).toBe('Bản của tôi. Thêm.');
    await page.keyboard.press('Escape');
  });

  it('previews find and replace with the changes highlighted, then applies it', async () => {
    await page.click(tile(A));
    await page.keyboard.press('Control+h');
    const dialog = page.getByTestId('find-replace');
    await dialog.waitFor();
    // An invalid regular expression is explained, nothing is asked of the core.
    await dialog.getByTestId('fr-regex').check();
    await dialog.getByTestId('fr-find').fill('Tỉnh (ủy');
    await dialog.getByTestId('fr-error').waitFor();
    await dialog.getByTestId('fr-regex').uncheck();
    await dialog.getByTestId('fr-find').fill('Tỉnh ủy');
    await dialog.getByTestId('fr-replace').fill('Tỉnh uỷ');
    await dialog.getByTestId('fr-preview').waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(2);
    const row = dialog.getByTestId(`fr-row-${A}`);
    expect(await row.getByRole('deletion').textContent()).toBe('Tỉnh ủy');
    expect(await row.getByRole('insertion').textContent()).toBe('Tỉnh uỷ');
    await dialog.getByTestId('fr-apply').click();
    await dialog
      .getByTestId('fr-result')
      .filter({ hasText: 'Đã thay 2 chỗ trong 2 ảnh' })
      .waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The open editor takes the new text: it had nothing unsaved.
    await waitForEditor(
      page,
      'Phó Bí thư Tỉnh uỷ Hoàng Giang phát biểu tại {city} ngày 26/12/2024.',
    );
  });

  it('finds "hoang giang" ignoring marks, and culls from the keyboard', async () => {
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'search',
    );
    await page.keyboard.type('hoang giang');
    await waitForTiles(page, 2);
    expect(await shownTiles(page)).toEqual([A, B]);
    await page.keyboard.press('Escape');
    await waitForTiles(page, PHOTOS.length);

    // 3 stars, red label, pick: on the tile at once, and saved.
    await page.click(tile(D));
    await page.keyboard.press('3');
    await page.keyboard.press('6');
    await page.keyboard.press('p');
    const d = page.locator(tile(D));
    await d.getByTestId('tile-pick').waitFor();
    expect(await d.getByTestId('tile-rating').textContent()).toBe('★★★');
    expect(await d.getByTestId('tile-color').getAttribute('data-color')).toBe('red');
    await page.keyboard.press('x');
    await d.getByTestId('tile-reject').waitFor();
    expect(await d.getByTestId('tile-color').getAttribute('data-color')).toBe('red');
    // Keys pressed in quick succession all reach the sidecar, none overwriting another.
    await page.waitForFunction(
      async ([dir, file]) => {
        const r = await fetch('/api/listPhotos', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ folder: dir }),
        });
        const { value } = (await r.json()) as { value: Record<string, unknown>[] };
        const p = value.find((x) => x.file === file);
        return p?.rating === -1 && p.label === 'Red' && p.colorClass === 1 && p.pick === false;
      },
      [folder, D],
      { timeout: 10_000, polling: 200 },
    );

    // Photos with caption issues are counted and can be listed alone.
    const issues = page.getByTestId('issues-filter');
    expect(await issues.textContent()).toMatch(/^\d+ ảnh cần xem lại$/);
    await page.click(tile(A));
    await page.getByTestId('caption-checks').waitFor();
    await page.screenshot({ path: SCREENSHOT });

    // Everything was written to sidecars; the photos are untouched.
    expect(await sha256s(folder, PHOTOS)).toEqual(originals);
    expect(app.pageErrors).toEqual([]);
  });
});
