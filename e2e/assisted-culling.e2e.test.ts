/**
 * Assisted culling in Debian's Chromium against browser mode (issue 9): a burst of five
 * frames of one scene (one of them crisp), another scene, a soft frame and a blown-out
 * frame. The grid shows the burst as a stack with its sharpest frame marked best, each
 * badge says why with its numbers, and the "one per stack" and "hide soft" filters
 * narrow the grid. Nothing is uploaded and the originals stay as they were.
 * Needs `npm run build` first.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatFrame, sceneFrame } from '../test/helpers/analysis-scenes';
import { sha256 } from '../test/helpers/fixtures';
import { useEventApp, type EventDirs } from './helpers/event-app';
import { tileNames } from './helpers/grid';

const at = (s: number) =>
  `2026:05:01 10:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const BURST = ['IMG_0001.JPG', 'IMG_0002.JPG', 'IMG_0003.JPG', 'IMG_0004.JPG', 'IMG_0005.JPG'];
const CRISP = 'IMG_0003.JPG';
const OTHER = 'IMG_0006.JPG';
const SOFT = 'IMG_0007.JPG';
const WHITE = 'IMG_0008.JPG';
const ALL = [...BURST, OTHER, SOFT, WHITE];

const tile = (page: Page, file: string) => page.locator(`[data-testid="tile-${file}"]`);
const shownFiles = (page: Page) => tileNames(page);

describe('assisted culling in browser mode', () => {
  let folder: string;
  let page: Page;
  const before = new Map<string, string>();
  const outside: string[] = [];

  /** The photos, written into the event folder before the app starts. */
  async function writeFrames(dirs: EventDirs): Promise<void> {
    folder = dirs.folder;
    // A hand-held burst: the same scene shifted by a pixel or two, one second apart;
    // only the middle frame is crisp.
    for (const [i, file] of BURST.entries()) {
      const frame = await sceneFrame(11, {
        dx: i - 2,
        dy: (i % 2) - 1,
        noiseSeed: 100 + i,
        blur: file === CRISP ? 0 : 1.6,
        takenAt: at(i),
      });
      await writeFile(join(folder, file), frame);
    }
    await writeFile(join(folder, OTHER), await sceneFrame(12, { takenAt: at(6) }));
    await writeFile(join(folder, SOFT), await sceneFrame(13, { blur: 4, takenAt: at(300) }));
    await writeFile(join(folder, WHITE), await flatFrame(255));
    for (const f of ALL) before.set(f, await sha256(join(folder, f)));
  }

  const app = useEventApp({
    prefix: 'captiondesk-assisted-',
    folderName: 'Hội nghị',
    prepare: writeFrames,
  });

  beforeAll(async () => {
    // Local and offline: the page asks nothing of any other origin.
    const origin = app.server.origin;
    page = await app.openPage({
      viewport: { width: 1440, height: 900 },
      beforeLoad: (p) => {
        p.on('request', (r) => {
          if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url());
        });
      },
    });
  }, 60_000);

  it('shows the burst as one stack with its sharpest frame marked best, and says why', async () => {
    const best = tile(page, CRISP).getByTestId('analysis-best');
    await best.waitFor({ timeout: 60_000 });
    // Batches arrive while the analysis runs; the stacks settle when the last one is in.
    const stackTitles = () =>
      Promise.all(
        BURST.map((f) =>
          tile(page, f)
            .getByTestId('analysis-stack')
            .getAttribute('title', { timeout: 1000 })
            .catch(() => null),
        ),
      );
    await expect
      .poll(async () => (await stackTitles()).map((t) => /\b5\b/.test(t ?? '')), {
        timeout: 60_000,
      })
      .toEqual(BURST.map(() => true));
    expect(await page.getByTestId('analysis-best').count()).toBe(1);
    for (const f of [OTHER, SOFT, WHITE])
      expect(await tile(page, f).getByTestId('analysis-stack').count(), f).toBe(0);
    // "Why": the numbers behind each badge, on hover and for screen readers.
    expect(await best.getAttribute('title')).toMatch(/\d/);
    await tile(page, SOFT).getByTestId('analysis-soft').waitFor();
    expect(await tile(page, SOFT).getByTestId('analysis-soft').getAttribute('title')).toMatch(/\d/);
    expect(await tile(page, CRISP).getByTestId('analysis-soft').count()).toBe(0);
    await tile(page, WHITE).getByTestId('analysis-over').waitFor();
    expect(await tile(page, WHITE).getByTestId('analysis-over').getAttribute('title')).toMatch(
      /\d/,
    );
    await page.screenshot({ path: '/tmp/assisted-culling.png' });
  });

  it('shows one frame per stack, its best, and hides the soft frames', async () => {
    await page.getByTestId('filter-one-per-stack').check();
    await expect.poll(() => shownFiles(page)).toEqual([CRISP, OTHER, SOFT, WHITE]);
    // A blown-out frame has no detail left: it is soft as well as over-exposed.
    await page.getByTestId('filter-hide-soft').check();
    await expect.poll(() => shownFiles(page)).toEqual([CRISP, OTHER]);
    await page.getByTestId('filter-one-per-stack').uncheck();
    await page.getByTestId('filter-hide-soft').uncheck();
    await expect.poll(() => shownFiles(page)).toEqual(ALL);
  });

  it('keeps everything local and the originals untouched', async () => {
    expect(outside).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    for (const f of ALL) expect(await sha256(join(folder, f)), f).toBe(before.get(f));
  });
});
