/**
 * What the reporter feels, measured in Debian's Chromium against browser mode (the real
 * server, core and built renderer, started as the end-to-end tests start it): open to the
 * first tile, scrolling the whole grid, a caption keystroke to the sidecar on disk, and the
 * core process's peak memory. In-page code is passed as strings so that nothing the
 * TypeScript loader adds to functions reaches the page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  REPO,
  startServer,
  stopServer,
  type WebServer,
} from '../e2e/helpers/web-app';
import { heaviestInTree, type Memory } from './process-memory';

export interface OpenTiming {
  photos: number;
  /** Navigation start to the first tile <img> loaded, in a fresh server (cold index and cache). */
  firstTileMs: number | null;
  /** The same in a new tab of the same server (the folder already open there). */
  reopenMs: number | null;
  /** Tiles in the DOM when the first image loaded. */
  tilesInDom: number | null;
}

export interface ScrollTiming {
  frames: number;
  maxFrameMs: number;
  p95FrameMs: number;
  /** long-animation-frame entries (null when this Chromium does not report them). */
  longFrames: number | null;
  longestFrameMs: number | null;
  tilesInDom: number;
  seconds: number;
}

export interface BrowserTimings {
  opens: OpenTiming[];
  scroll: ScrollTiming | null;
  keystrokeMs: number | null;
  memoryAfterOpen: Memory | null;
  memoryAfterUse: Memory | null;
  notes: string[];
}

export interface BrowserFolder {
  dir: string;
  photos: number;
}

const SCROLL_SECONDS = 5;

/** Stamps `window.__benchFirstTile` (ms since navigation start) when a tile image has loaded. */
const FIRST_TILE_SCRIPT = `(() => {
  const loaded = (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0
    && el.closest('[role="option"]') !== null;
  const stamp = () => {
    if (window.__benchFirstTile !== undefined) return;
    window.__benchFirstTile = performance.now();
    window.__benchTilesAtFirst = document.querySelectorAll('[role="option"]').length;
  };
  document.addEventListener('load', (e) => { if (loaded(e.target)) stamp(); }, true);
  const poll = setInterval(() => {
    if (window.__benchFirstTile !== undefined) return clearInterval(poll);
    for (const img of document.querySelectorAll('[role="option"] img')) if (loaded(img)) return stamp();
  }, 10);
})();`;

/**
 * Scrolls the grid's scroll container from top to bottom over SCROLL_SECONDS, one step a
 * frame, recording requestAnimationFrame intervals and long-animation-frame entries.
 */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const grid = document.querySelector('[data-testid="grid"]');
  let el = grid;
  while (el && !(el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)))
    el = el.parentElement;
  const scroller = el || document.scrollingElement;
  const long = [];
  let observer = null;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
    observer.observe({ type: 'long-animation-frame' });
  }
  const distance = scroller.scrollHeight - scroller.clientHeight;
  const frames = [];
  const durationMs = ${SCROLL_SECONDS * 1000};
  let start = 0;
  let last = 0;
  const step = (now) => {
    if (!start) { start = now; last = now; }
    else { frames.push(now - last); last = now; }
    const t = Math.min(1, (now - start) / durationMs);
    scroller.scrollTop = t * distance;
    if (t < 1) return requestAnimationFrame(step);
    // One more frame, so the last long-animation-frame entry is delivered.
    requestAnimationFrame(() => setTimeout(() => {
      observer?.disconnect();
      resolve({ frames, long: observer ? long : null, distance,
        tiles: document.querySelectorAll('[role="option"]').length });
    }, 100));
  };
  requestAnimationFrame(step);
})`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function firstTile(
  browser: Browser,
  url: string,
): Promise<{ ms: number; tiles: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(FIRST_TILE_SCRIPT);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  // Functions, not strings: the app's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(
    () => (window as { __benchFirstTile?: number }).__benchFirstTile !== undefined,
    null,
    { timeout: 600_000, polling: 50 },
  );
  const [ms, tiles] = (await page.evaluate(
    '[window.__benchFirstTile, window.__benchTilesAtFirst]',
  )) as [number, number];
  return { ms, tiles, page };
}

/** The photo count in the toolbar reaches the folder's: the whole set is listed. */
async function waitForAll(page: Page, photos: number): Promise<boolean> {
  // Without the counter there is nothing to wait on; the rows are measured on what is there.
  if (!(await page.$('[data-testid="photo-count"]'))) return false;
  try {
    await page.waitForFunction(
      (count) =>
        Number(
          (document.querySelector('[data-testid="photo-count"]')?.textContent ?? '').replace(
            /\D/g,
            '',
          ),
        ) === count,
      photos,
      { timeout: 600_000, polling: 200 },
    );
    return true;
  } catch {
    return false;
  }
}

async function readOr(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** Until either sidecar name of `file` holds `text`; ms from `since`. */
async function sidecarHolds(
  folder: string,
  file: string,
  text: string,
  since: number,
): Promise<number> {
  const base = file.replace(/\.[^.]+$/, '');
  const candidates = [path.join(folder, `${file}.xmp`), path.join(folder, `${base}.xmp`)];
  for (;;) {
    for (const c of candidates)
      if ((await readOr(c)).includes(text)) return performance.now() - since;
    if (performance.now() - since > 60_000)
      throw new Error(`no sidecar of ${file} held "${text}" within 60 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Focus the first photo's caption editor, type a word, then time one more keystroke to disk. */
async function keystroke(page: Page, folder: string): Promise<number> {
  await page.focus('[data-testid="grid"]');
  await page.keyboard.press('Home');
  const testId = await page.getAttribute('[role="option"][aria-selected="true"]', 'data-testid');
  const file = testId?.replace(/^tile-/, '');
  if (!file) throw new Error('no photo selected after Home');
  await page.keyboard.press('Enter');
  const active = await page.evaluate('document.activeElement?.getAttribute("data-testid")');
  if (active !== 'caption-editor') await page.focus('[data-testid="caption-editor"]');
  const marker = `bench${Date.now() % 1_000_000}`;
  await page.keyboard.insertText(marker);
  await sidecarHolds(folder, file, marker, performance.now());
  const started = performance.now();
  await page.keyboard.type('Z');
  return sidecarHolds(folder, file, `${marker}Z`, started);
}

async function scroll(page: Page): Promise<ScrollTiming> {
  await page.focus('[data-testid="grid"]');
  const r = (await page.evaluate(SCROLL_SCRIPT)) as {
    frames: number[];
    long: number[] | null;
    tiles: number;
  };
  return {
    frames: r.frames.length,
    maxFrameMs: Math.max(0, ...r.frames),
    p95FrameMs: percentile(r.frames, 95),
    longFrames: r.long?.length ?? null,
    longestFrameMs: r.long ? Math.max(0, ...r.long) : null,
    tilesInDom: r.tiles,
    seconds: SCROLL_SECONDS,
  };
}

async function withServer<T>(folder: string, work: (server: WebServer) => Promise<T>): Promise<T> {
  // Fresh data and cache folders: the open starts from nothing, as on a new event folder.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'captiondesk-bench-web-'));
  const server = await startServer(folder, path.join(scratch, 'data'), path.join(scratch, 'cache'));
  try {
    return await work(server);
  } finally {
    stopServer(server.child);
    await new Promise((r) =>
      server.child.exitCode !== null ? r(null) : server.child.once('exit', r),
    );
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function timeBrowser(
  small: BrowserFolder | null,
  large: BrowserFolder | null,
  tasks: { open: boolean; scroll: boolean; caption: boolean; rss: boolean },
): Promise<BrowserTimings> {
  const result: BrowserTimings = {
    opens: [],
    scroll: null,
    keystrokeMs: null,
    memoryAfterOpen: null,
    memoryAfterUse: null,
    notes: [],
  };
  if (!existsSync(path.join(REPO, 'dist/renderer/index.html'))) {
    result.notes.push('browser rows skipped: the UI is not built (run "npm run build" first)');
    return result;
  }
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    result.notes.push(`browser rows skipped: Chromium did not start: ${String(err)}`);
    return result;
  }
  const openBoth = async (server: WebServer, photos: number) => {
    const first = await firstTile(browser, server.url);
    const timing: OpenTiming = {
      photos,
      firstTileMs: first.ms,
      reopenMs: null,
      tilesInDom: first.tiles,
    };
    result.opens.push(timing);
    const listing = performance.now();
    const listed = await waitForAll(first.page, photos);
    result.notes.push(
      `${photos} photos: first tile ${(first.ms / 1000).toFixed(2)} s after navigation` +
        (listed
          ? `, the toolbar counted all of them ${((performance.now() - listing) / 1000).toFixed(1)} s later`
          : '') +
        ` (${first.tiles} tiles in the DOM at the first image)`,
    );
    if (!listed)
      result.notes.push(
        `${photos} photos: the toolbar's [data-testid=photo-count] did not count them all ` +
          '(missing, or not within 10 min); measured on what was listed',
      );
    const again = await firstTile(browser, server.url);
    timing.reopenMs = again.ms;
    await again.page.context().close();
    return first.page;
  };

  try {
    if (small && tasks.open) {
      await withServer(small.dir, async (server) => {
        const page = await openBoth(server, small.photos);
        await page.context().close();
      });
    }
    if (large && (tasks.open || tasks.scroll || tasks.caption || tasks.rss)) {
      await withServer(large.dir, async (server) => {
        const page = await openBoth(server, large.photos);
        if (!tasks.open) result.opens.pop();
        const pid = server.child.pid ?? -1;
        if (tasks.rss) result.memoryAfterOpen = await heaviestInTree(pid);
        if (tasks.scroll) result.scroll = await scroll(page);
        if (tasks.caption) {
          try {
            result.keystrokeMs = await keystroke(page, large.dir);
          } catch (err) {
            result.notes.push(
              `caption keystroke: ${err instanceof Error ? err.message : String(err)}`,
            );
          }
        }
        if (tasks.rss) result.memoryAfterUse = await heaviestInTree(pid);
        await page.context().close();
      });
    }
  } catch (err) {
    result.notes.push(`browser rows: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await browser.close();
  }
  return result;
}
