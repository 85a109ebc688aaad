/**
 * The UI half of the field catalog's proof: a field added as one catalog row (IPTC's Alt
 * Text) gets a labelled row in the field editor, with its advised length shown, and what is
 * typed there reaches the photo's XMP sidecar. Debian's Chromium against browser mode on a
 * copy of one fixture; needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSidecar } from '../electron/core/metadata/sidecar';
import {
  launchChromium,
  recordPageProblems,
  REPO,
  startServer,
  stopServerAndWait,
  type WebServer,
} from './helpers/web-app';

const FILE = 'canon-eos1300d-18mp.jpg';
const LABEL = 'Văn bản thay thế (alt text)';
const ALT = 'Hai đại biểu bắt tay trước phông nền đỏ của hội nghị.';

describe('a catalog row in the UI field editor (altText)', () => {
  let work: string;
  let folder: string;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(REPO, 'dist/renderer/index.html')))
      throw new Error('dist/renderer is missing: run "npm run build" before this test');
    work = await mkdtemp(join(tmpdir(), 'captiondesk-catalog-'));
    folder = join(work, 'Hội nghị');
    await cp(join(REPO, '../shared/fixtures/photos', FILE), join(folder, FILE));
    server = await startServer(folder, join(work, 'data'), join(work, 'cache'));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    recordPageProblems(page, pageErrors);
    await page.goto(server.url);
    await page.locator(`[data-testid="tile-${FILE}"]`).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServerAndWait(server.child);
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  it('shows an input labelled with the row’s label, and saves what is typed to the sidecar', async () => {
    await page.click(`[data-testid="tile-${FILE}"]`);
    const editor = page.getByTestId('fields-editor');
    const input = editor.getByLabel(LABEL, { exact: true });
    await input.waitFor();
    expect(await input.getAttribute('data-testid')).toBe('field-altText');
    await input.fill(ALT);
    // The IPTC advice counts characters, not bytes.
    expect(await editor.getByTestId('field-altText-bytes').textContent()).toBe(
      `${[...ALT].length}/250 ký tự`,
    );
    await input.blur();
    await editor.locator('.save-status.is-saved').waitFor({ timeout: 10_000 });
    const sidecar = await readSidecar(folder, FILE);
    expect(sidecar?.fields.altText).toBe(ALT);
    expect(pageErrors).toEqual([]);
  });
});
