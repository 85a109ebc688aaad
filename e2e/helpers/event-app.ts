/**
 * The scaffold of a browser test: a temp work folder with an event folder in it, browser
 * mode started on it with its own data and cache folders, Chromium, pages that record their
 * problems, and one teardown for all of it (also when the setup itself fails half-way).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchChromium,
  recordPageProblems,
  REPO,
  startServer,
  stopServerAndWait,
  type WebServer,
} from './web-app';

export const FIXTURES = join(REPO, '../shared/fixtures/photos');

/** Where the app's files go, known before the server starts. */
export interface EventDirs {
  /** The temp folder that holds everything; removed at the end. */
  work: string;
  /** The event folder the server opens. */
  folder: string;
  /** CAPTIONDESK_DATA_DIR and CAPTIONDESK_CACHE_DIR of the server (and of any CLI run before it). */
  env: { CAPTIONDESK_DATA_DIR: string; CAPTIONDESK_CACHE_DIR: string };
}

export interface EventAppSetup {
  /** The temp folder's name prefix. */
  prefix: string;
  /** The event folder's name inside the temp folder (NFC). */
  folderName?: string;
  /** Copies of fixture photos in the event folder: a list of fixture names, or name in the folder → fixture. */
  photos?: readonly string[] | Record<string, string>;
  /** Anything else the folder needs before the server starts (generated photos, CLI runs…). */
  prepare?: (dirs: EventDirs) => Promise<void>;
  /** Runs after the server has stopped, before the temp folder is removed (e.g. stop an sshd). */
  teardown?: () => Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Called before the page loads the app: listeners that must see the first request. */
  beforeLoad?: (page: Page) => void | Promise<void>;
}

export interface EventApp extends EventDirs {
  server: WebServer;
  browser: Browser;
  /** Uncaught errors of every page opened with openPage (and CSP violations unless kept apart). */
  pageErrors: string[];
  /** CSP violations, when the test keeps them apart from page errors. */
  cspViolations: string[];
  /** A page in a fresh browser context, recording its problems, with the app loaded. */
  openPage(options?: PageOptions): Promise<Page>;
  /** Closes Chromium, stops the server and removes the temp folder. */
  close(): Promise<void>;
}

export function requireBuild(): void {
  if (!existsSync(join(REPO, 'dist/renderer/index.html')))
    throw new Error('dist/renderer is missing: run "npm run build" before this test');
}

export async function startEventApp(
  setup: EventAppSetup & { separateCsp?: boolean },
): Promise<EventApp> {
  requireBuild();
  const work = await mkdtemp(join(tmpdir(), setup.prefix));
  const dirs: EventDirs = {
    work,
    folder: join(work, (setup.folderName ?? 'event').normalize('NFC')),
    env: { CAPTIONDESK_DATA_DIR: join(work, 'data'), CAPTIONDESK_CACHE_DIR: join(work, 'cache') },
  };
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (server) await stopServerAndWait(server.child);
    await setup.teardown?.();
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    await mkdir(dirs.folder, { recursive: true });
    const photos = Array.isArray(setup.photos)
      ? setup.photos.map((f) => [f, f] as const)
      : Object.entries(setup.photos ?? {});
    for (const [name, source] of photos) await cp(join(FIXTURES, source), join(dirs.folder, name));
    await setup.prepare?.(dirs);
    server = await startServer(
      dirs.folder,
      dirs.env.CAPTIONDESK_DATA_DIR,
      dirs.env.CAPTIONDESK_CACHE_DIR,
    );
    browser = await launchChromium();
  } catch (err) {
    await close();
    throw err;
  }
  const pageErrors: string[] = [];
  const cspViolations = setup.separateCsp ? [] : pageErrors;
  const started = { server, browser };
  return {
    ...dirs,
    ...started,
    pageErrors,
    cspViolations,
    async openPage(options = {}) {
      const page = await started.browser.newPage(
        options.viewport ? { viewport: options.viewport } : {},
      );
      recordPageProblems(page, pageErrors, cspViolations);
      await options.beforeLoad?.(page);
      await page.goto(started.server.url);
      return page;
    },
    close,
  };
}

/**
 * For a describe block: starts the app before its tests and tears it down after them. The
 * fields are there once the block's first beforeAll has run.
 */
export function useEventApp(
  setup: EventAppSetup & { separateCsp?: boolean },
  timeoutMs?: number,
): EventApp {
  const app = {} as EventApp;
  beforeAll(async () => {
    Object.assign(app, await startEventApp(setup));
  }, timeoutMs);
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}
