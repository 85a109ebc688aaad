/** Reading the photo grid of a page: its tiles are role="option", data-testid="tile-<file>". */
import type { Page } from 'playwright-core';

/** Waits until the grid shows exactly `count` tiles. */
export async function waitForTiles(
  page: Page,
  count: number,
  options: { timeout?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[role="option"]').length === n,
    count,
    options,
  );
}

/** The file names of the tiles `selector` matches, in grid order. */
export function tileNames(page: Page, selector = '[role="option"]'): Promise<string[]> {
  return page.$$eval(selector, (tiles) =>
    tiles.map((t) => (t.getAttribute('data-testid') ?? '').replace(/^tile-/, '')),
  );
}
