/**
 * Errors speak the user's language: in browser mode, a folder that does not exist and
 * a broken JPEG are said in Vietnamese with no English sentence inside, then in English
 * after the switch, from the same codes. Needs `npm run build` first.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEventApp, FIXTURES } from './helpers/event-app';

const PHOTO = 'canon-eos350d-progressive.jpg';
const BROKEN = 'hong.jpg';

/** English words that must not appear in a Vietnamese message (paths and file names removed first). */
const ENGLISH = /\b(the|is|not|cannot|could|does|exist|folder|file|open|failed|error|damaged)\b/i;
/** Vietnamese letters a sentence of the English UI must not have. */
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

describe('errors in the UI language', () => {
  let missing: string;

  const app = useEventApp({
    prefix: 'captiondesk-e2e-errors-',
    folderName: 'su-kien',
    photos: [PHOTO],
    // A camera file cut inside its EXIF header: the JPEG is broken.
    prepare: async ({ folder }) =>
      writeFile(join(folder, BROKEN), (await readFile(join(FIXTURES, PHOTO))).subarray(0, 200)),
  });

  beforeAll(async () => {
    missing = join(app.work, 'không-có-thư-mục-này');
  });

  const noticeText = (page: Page) => page.locator('[data-testid="notice"] > span').innerText();
  const tileErrorText = (page: Page) =>
    page.locator(`[data-testid="tile-${BROKEN}"] [data-testid="tile-error"]`).innerText();
  const withoutNames = (text: string) => text.split(missing).join(' ').split(BROKEN).join(' ');

  it('says a missing folder and a broken JPEG in Vietnamese, then in English', async () => {
    const page = await app.openPage();
    await page.waitForSelector(`[data-testid="tile-${BROKEN}"]`, { timeout: 20_000 });
    await page.selectOption('[data-testid="language"]', 'vi');

    // The tile of the broken file says why, in Vietnamese.
    const tileVi = await tileErrorText(page);
    expect(tileVi).toBe(`Tệp JPEG ${BROKEN} bị hỏng.`);
    expect(
      await page.getAttribute(
        `[data-testid="tile-${BROKEN}"] [data-testid="tile-error"]`,
        'data-code',
      ),
    ).toBe('jpeg-broken');

    // A folder path that does not exist.
    await page.fill('[data-testid="open-path"]', missing);
    await page.press('[data-testid="open-path"]', 'Enter');
    await page.waitForSelector('[data-testid="notice"]');
    const vi = await noticeText(page);
    expect(vi).toBe(`Không mở được thư mục: Không tìm thấy thư mục ${missing}.`);
    expect(withoutNames(vi)).not.toMatch(ENGLISH);
    // A specific code needs no English detail line.
    expect(await page.locator('[data-testid="notice"] [data-testid="error-detail"]').count()).toBe(
      0,
    );

    // The same failures, now said in English: the notice keeps the code, not a sentence.
    await page.selectOption('[data-testid="language"]', 'en');
    const en = await noticeText(page);
    expect(en).toBe(`Could not open the folder: The folder ${missing} does not exist.`);
    expect(withoutNames(en)).not.toMatch(VIETNAMESE);
    const tileEn = await tileErrorText(page);
    expect(tileEn).toBe(`The JPEG ${BROKEN} is damaged.`);

    // And back: nothing of the English stays behind.
    await page.selectOption('[data-testid="language"]', 'vi');
    expect(await noticeText(page)).toBe(vi);
    expect(await tileErrorText(page)).toBe(tileVi);
    expect(app.pageErrors).toEqual([]);
  });

  it('gives the HTTP client the code and params beside the English message', async () => {
    const page = await app.openPage();
    await page.waitForSelector(`[data-testid="tile-${BROKEN}"]`, { timeout: 20_000 });
    const answer = await page.evaluate(
      (path) =>
        fetch('/api/openFolder', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ path }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown })),
      missing,
    );
    expect(answer).toEqual({
      status: 404,
      body: {
        ok: false,
        error: {
          code: 'folder-not-found',
          params: { path: missing },
          message: `Cannot open folder ${missing}: it does not exist`,
        },
      },
    });
  });
});
