/**
 * The light theme switch in Debian's Chromium against browser mode: Settings → Theme → Light
 * turns the surfaces light, survives a reload (applied before React's first render, so no
 * dark flash), keeps body text at WCAG AA contrast, and switches back to the dark default.
 * Needs `vite build` first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEventApp } from './helpers/event-app';

interface Look {
  theme: string | undefined;
  page: string;
  text: string;
  /** The well around each photo in the grid. */
  frame: string;
  tileName: string;
}

async function look(page: Page): Promise<Look> {
  return page.evaluate(() => {
    const tile = document.querySelector('[role="listbox"] [role="option"]');
    if (!tile?.firstElementChild || !tile.lastElementChild) throw new Error('no tile');
    const root = getComputedStyle(document.documentElement);
    return {
      theme: document.documentElement.dataset.theme,
      page: root.backgroundColor,
      text: getComputedStyle(document.body).color,
      frame: getComputedStyle(tile.firstElementChild).backgroundColor,
      tileName: getComputedStyle(tile.lastElementChild).color,
    };
  });
}

/** Relative luminance of an opaque `rgb(r, g, b)` computed colour (WCAG 2). */
function luminance(css: string): number {
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (!m) throw new Error(`not an opaque rgb() colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function chooseTheme(page: Page, name: 'Sáng' | 'Tối'): Promise<void> {
  await page.click('[data-testid="open-settings"]');
  await page.waitForSelector('[data-testid="settings"][open]');
  await page.getByRole('radio', { name, exact: true }).check();
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="settings"]', { state: 'detached' });
}

describe('light theme switch in browser mode', () => {
  const app = useEventApp(
    {
      prefix: 'captiondesk-e2e-theme-',
      photos: ['canon-eos1300d-18mp.jpg', 'canon-eos1000d-orient6.jpg'],
    },
    60_000,
  );

  it('switches to light, keeps it over a reload and switches back to dark', async () => {
    // Records the theme at the moment React first puts content into #root.
    const page = await app.openPage({
      beforeLoad: async (p) => {
        await p.addInitScript(() => {
          const w = window as unknown as { themeAtFirstRender?: string };
          new MutationObserver((_records, observer) => {
            const root = document.getElementById('root');
            if (root && root.childElementCount > 0) {
              w.themeAtFirstRender = document.documentElement.dataset.theme ?? 'none';
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        });
      },
    });
    await page.waitForSelector('[role="option"]');

    const dark = await look(page);
    expect(dark.theme).toBe('dark');
    expect(luminance(dark.page)).toBeLessThan(0.05);
    expect(contrast(dark.text, dark.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark.tileName, dark.page)).toBeGreaterThanOrEqual(4.5);

    await chooseTheme(page, 'Sáng');
    const light = await look(page);
    expect(light.theme).toBe('light');
    expect(light.page).not.toBe(dark.page);
    expect(light.frame).not.toBe(dark.frame);
    expect(luminance(light.page)).toBeGreaterThan(0.6);
    expect(contrast(light.text, light.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(light.tileName, light.page)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: '/tmp/captiondesk-theme-light.png' });

    await page.reload();
    await page.waitForSelector('[role="option"]');
    expect(await look(page)).toEqual(light);
    expect(
      await page.evaluate(() => (window as { themeAtFirstRender?: string }).themeAtFirstRender),
    ).toBe('light');

    await chooseTheme(page, 'Tối');
    expect(await look(page)).toEqual(dark);
    await page.reload();
    await page.waitForSelector('[role="option"]');
    expect(await look(page)).toEqual(dark);
    await page.screenshot({ path: '/tmp/captiondesk-theme-dark.png' });
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
