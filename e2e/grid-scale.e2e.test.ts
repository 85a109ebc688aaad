/**
 * Culling at event scale in Debian's Chromium against browser mode (issue 9): 3,000
 * generated photos from two cameras open in a virtualized grid; End reaches the last
 * photo; a Shift-range of 500 gets 3 stars with one key press and one undo takes them
 * back, on disk; the loupe zooms to 100%. Needs `npm run build` first.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { sceneFrame } from '../test/helpers/analysis-scenes';
import { useEventApp } from './helpers/event-app';

const COUNT = 3000;
const RANGE = 500;
const BASE_TIME = '2026:05:01 10:00:00';
const name = (i: number) => `IMG_${String(i + 1).padStart(4, '0')}.JPG`;

/** EXIF wall clock BASE_TIME plus `seconds`, in EXIF's own "YYYY:MM:DD HH:MM:SS" form. */
function exifTime(seconds: number): string {
  const t = new Date(Date.UTC(2026, 4, 1, 10, 0, seconds));
  const iso = t.toISOString();
  return `${iso.slice(0, 4)}:${iso.slice(5, 7)}:${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
}

/** Photos 1–5 are a burst of one textured scene, one second apart; only the third is crisp. */
const BURST = 5;
const CRISP = 2;

/**
 * One small JPEG per camera is encoded; every photo is a copy with its capture time
 * written over the template's (same length, same place), so 3,000 files take a moment.
 * The two cameras show different scenes, so that the assisted culling stacks only the
 * burst at the start (neighbours in time always come from the other body).
 */
async function generatePhotos(folder: string): Promise<void> {
  const small = (jpeg: Buffer) => sharp(jpeg).resize(160, 120);
  const template = async (seed: number, make: string, model: string) =>
    small(await sceneFrame(seed))
      .jpeg({ quality: 70 })
      .withExif({ IFD0: { Make: make, Model: model }, IFD2: { DateTimeOriginal: BASE_TIME } })
      .toBuffer();
  const cameras = await Promise.all([
    template(21, 'Canon', 'EOS R3'),
    template(22, 'NIKON', 'Z 9'),
  ]);
  const marker = Buffer.from(BASE_TIME, 'latin1');
  await mkdir(folder, { recursive: true });
  const jobs: Promise<void>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const jpeg = Buffer.from(cameras[i % 2]!);
    const at = jpeg.indexOf(marker);
    if (at < 0) throw new Error('the template JPEG has no DateTimeOriginal to rewrite');
    jpeg.write(exifTime(i), at, 'latin1');
    if (i >= BURST) jobs.push(writeFile(join(folder, name(i)), jpeg));
  }
  for (let i = 0; i < BURST; i++) {
    const frame = await sceneFrame(11, {
      dx: i - 2,
      noiseSeed: 100 + i,
      blur: i === CRISP ? 0 : 1.6,
      takenAt: exifTime(i),
    });
    jobs.push(
      sharp(frame)
        .keepExif()
        .resize(320, 240)
        .jpeg({ quality: 85 })
        .toFile(join(folder, name(i)))
        .then(() => undefined),
    );
  }
  await Promise.all(jobs);
}

/** The rating a photo's sidecar holds, or null when it has none. */
async function sidecarRating(folder: string, file: string): Promise<number | null> {
  for (const candidate of [`${file}.xmp`, `${file.replace(/\.[^.]+$/, '')}.xmp`]) {
    let xmp: string;
    try {
      xmp = await readFile(join(folder, candidate), 'utf8');
    } catch {
      continue;
    }
    const m = /xmp:Rating(?:="|>)(-?\d+)/.exec(xmp);
    return m ? Number(m[1]) : null;
  }
  return null;
}

async function ratings(folder: string, files: string[]): Promise<(number | null)[]> {
  return Promise.all(files.map((f) => sidecarRating(folder, f)));
}

/** Poll the disk until `ok` holds, or fail with what was last seen. */
async function waitForDisk<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) {
  // Generous: the core writes 500 sidecars, and the machine may be busy.
  const deadline = Date.now() + 90_000;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
    if (process.env.DEBUG_GRID_SCALE)
      console.error(what, Date.now(), JSON.stringify(last).split('3').length - 1);
  }
}

const optionCount = (page: Page) => page.$$eval('[role="option"]', (els) => els.length);

describe('culling 3,000 photos in browser mode', () => {
  let folder: string;
  let page: Page;

  const app = useEventApp({
    prefix: 'captiondesk-grid-scale-',
    folderName: 'Bóng đá',
    prepare: (dirs) => generatePhotos(dirs.folder),
  });

  beforeAll(async () => {
    folder = app.folder;
    page = await app.openPage({
      viewport: { width: 1440, height: 900 },
      beforeLoad: (p) => {
        if (process.env.DEBUG_GRID_SCALE)
          p.on('request', (r) => {
            const path = new URL(r.url()).pathname;
            if (path.startsWith('/api/') && !path.includes('media'))
              console.error('request', Date.now(), path);
          });
      },
    });
  }, 60_000);

  it('shows the first tiles with only a few hundred in the DOM, and End reaches the last', async () => {
    await page.locator(`[data-testid="tile-${name(0)}"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('cull-count').textContent()).toBe('3.000 / 3.000 ảnh');
    const rendered = await optionCount(page);
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThanOrEqual(300);
    // Every option says where it is in the whole set.
    expect(await page.getAttribute('[role="option"]', 'aria-setsize')).toBe(String(COUNT));

    await page.click(`[data-testid="tile-${name(0)}"]`);
    await page.keyboard.press('End');
    const last = page.locator(`[data-testid="tile-${name(COUNT - 1)}"]`);
    await last.waitFor();
    expect(await last.getAttribute('aria-selected')).toBe('true');
    const active = await page.getAttribute('[data-testid="grid"]', 'aria-activedescendant');
    expect(await last.getAttribute('id')).toBe(active);
    expect(await last.isVisible()).toBe(true);
    expect(await optionCount(page)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: '/tmp/grid-scale.png' });
    expect(app.pageErrors).toEqual([]);
  });

  it(
    'rates a Shift-range of 500 with one key press, and one undo takes it back on disk',
    { timeout: 240_000 },
    async () => {
      const range = Array.from({ length: RANGE }, (_, i) => name(i));
      await page.keyboard.press('Home');
      await page.locator(`[data-testid="tile-${name(0)}"][aria-selected="true"]`).waitFor();
      // Scroll down to the 500th photo with the wheel: the anchor's row leaves the DOM.
      const target = page.locator(`[data-testid="tile-${name(RANGE - 1)}"]`);
      await page.hover('[data-testid="grid"]');
      for (let i = 0; i < 100 && (await target.count()) === 0; i++) await page.mouse.wheel(0, 600);
      // (The current photo itself stays rendered, for aria-activedescendant; its row does not.)
      expect(await page.locator(`[data-testid="tile-${name(1)}"]`).count()).toBe(0);
      await target.click({ modifiers: ['Shift'] });
      expect(await page.getByTestId('selection-count').textContent()).toBe(`Đã chọn ${RANGE} ảnh`);

      await page.keyboard.press('3');
      expect(await page.getByTestId('cull-status').textContent()).toContain(
        `Đã gắn 3 sao cho ${RANGE} ảnh`,
      );
      expect(await target.getByTestId('tile-rating').textContent()).toBe('★★★');
      await waitForDisk(
        () => ratings(folder, range),
        (r) => r.every((v) => v === 3),
        'not every sidecar of the range holds 3 stars',
      );
      expect(await sidecarRating(folder, name(RANGE))).toBeNull();

      await page.keyboard.press('Control+z');
      expect(await page.getByTestId('cull-status').textContent()).toContain('Đã hoàn tác');
      await target.getByTestId('tile-rating').waitFor({ state: 'detached' });
      await waitForDisk(
        () => ratings(folder, range),
        (r) => r.every((v) => v === null),
        'undo left ratings in the sidecars',
      );
      expect(app.pageErrors).toEqual([]);
    },
  );

  it('opens the loupe with Space, zooms to 100% with a click, and closes with Esc', async () => {
    await page.keyboard.press('Space');
    const loupe = page.getByTestId('loupe');
    await loupe.waitFor();
    const img = loupe.getByTestId('zoom-img');
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>(
        '[data-testid="loupe"] [data-testid="zoom-img"]',
      );
      return el !== null && el.complete && el.naturalWidth > 0;
    });
    expect(await loupe.getByTestId('photo-info').textContent()).toContain(name(RANGE - 1));
    const fitted = await img.evaluate((el: HTMLImageElement) => el.getBoundingClientRect().width);
    expect(fitted).toBeGreaterThan(160);

    await img.click();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>(
        '[data-testid="loupe"] [data-testid="zoom-img"]',
      );
      return el !== null && Math.abs(el.getBoundingClientRect().width - el.naturalWidth) < 0.5;
    });
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(160);

    await page.keyboard.press('Escape');
    await loupe.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'grid',
    );
    expect(app.pageErrors).toEqual([]);
  });

  it('compares the current photo with the next, marking the pane clicked', async () => {
    // One photo selected: compare puts the next one beside it.
    await page.click(`[data-testid="tile-${name(RANGE - 1)}"]`);
    await page.keyboard.press('c');
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    const panes = compare.locator('[data-testid^="compare-pane-"]');
    expect(await panes.count()).toBe(2);
    expect(await panes.nth(0).getByTestId('photo-info').textContent()).toContain(name(RANGE - 1));
    expect(await panes.nth(1).getByTestId('photo-info').textContent()).toContain(name(RANGE));
    await panes.nth(1).getByTestId('zoom-pane').click();
    expect(await panes.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('5');
    // The rating shows once the core has answered: under load that is not at once.
    await expect
      .poll(() => panes.nth(1).getByTestId('info-rating').textContent(), { timeout: 10_000 })
      .toBe('★★★★★');
    expect(await panes.nth(0).getByTestId('info-rating').count()).toBe(0);
    await page.screenshot({ path: '/tmp/grid-scale-compare.png' });
    await waitForDisk(
      () => sidecarRating(folder, name(RANGE)),
      (r) => r === 5,
      'the active pane’s photo was not rated on disk',
    );
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });

  it('leaves Ctrl+Z in the caption editor to the text, not to the marks', async () => {
    const status = await page.getByTestId('cull-status').textContent();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('caption-editor');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'caption-editor',
    );
    await page.keyboard.type('Khán giả');
    await page.keyboard.press('Control+z');
    expect(await editor.inputValue()).not.toBe('Khán giả');
    expect(await page.getByTestId('cull-status').textContent()).toBe(status);
    expect(await sidecarRating(folder, name(RANGE))).toBe(5);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows the burst at the start as one stack of five with its crisp frame marked best', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('grid').focus();
    await page.keyboard.press('Home');
    const best = page.locator(`[data-testid="tile-${name(CRISP)}"] [data-testid="analysis-best"]`);
    // The analysis runs after the 3,000 thumbnails, in the background.
    await best.waitFor({ timeout: 120_000 });
    await expect
      .poll(
        () =>
          page
            .locator(`[data-testid="tile-${name(0)}"] [data-testid="analysis-stack"]`)
            .getAttribute('title', { timeout: 1000 })
            .catch(() => null),
        { timeout: 120_000 },
      )
      .toMatch(/\b5\b/);
    for (let i = 0; i < BURST; i++) {
      const stack = page.locator(`[data-testid="tile-${name(i)}"] [data-testid="analysis-stack"]`);
      expect(await stack.count(), name(i)).toBe(1);
    }
    await expect
      .poll(() => page.locator('[data-testid="analysis-best"]').count(), { timeout: 120_000 })
      .toBe(1);
    // Neighbours from the other body are another picture: no stack beyond the burst.
    expect(
      await page
        .locator(`[data-testid="tile-${name(BURST)}"] [data-testid="analysis-stack"]`)
        .count(),
    ).toBe(0);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);
});
