/**
 * article.html opened the way a desk opens it: from a folder on disk, in Debian's Chromium,
 * with real JPEGs at the paths the package gives. The page must fetch its own photos and
 * nothing else, show the article in order, and treat a hostile caption as words.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArticleHtml } from '../electron/core/package/render-html';
import type { Manifest } from '../electron/contract/package-manifest';
import { readingOrder, seedManifest } from '../test/helpers/seed-manifest';
import { launchChromium } from './helpers/web-app';

const SCREENSHOT = '/tmp/article-html.png';
const SCREENSHOT_PHONE = '/tmp/article-html-phone.png';
const HOSTILE = ' <script>alert(1)</script><img src=x onerror=alert(1)>';

/** The seed article, with the first photo's caption turned into an attack. */
function manifest(): Manifest {
  const m = seedManifest();
  const first = m.article.body.find((b) => b.type === 'photo')!;
  first.caption += HOSTILE;
  return m;
}

/** A small solid JPEG per photo, each its own colour, so a missing one would show. */
async function writePhotos(dir: string, m: Manifest): Promise<void> {
  for (const [i, p] of m.photos.entries()) {
    const file = join(dir, p.file);
    await mkdir(dirname(file), { recursive: true });
    const hue = (i * 40) % 360;
    const [r, g, b] = [hue, (hue + 120) % 360, (hue + 240) % 360].map((h) =>
      Math.round(127 + 100 * Math.cos((h * Math.PI) / 180)),
    );
    await sharp({
      create: { width: 64, height: 43, channels: 3, background: { r: r!, g: g!, b: b! } },
    })
      .jpeg({ quality: 80 })
      .toFile(file);
  }
}

describe('article.html in Chromium', () => {
  let dir = '';
  let browser: Browser | undefined;
  const m = manifest();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'captiondesk-article-html-'));
    await writePhotos(dir, m);
    await writeFile(join(dir, 'article.html'), renderArticleHtml(m));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads only its photos, shows the article in order and runs nothing', async () => {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    const failed: string[] = [];
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text()))
        problems.push(msg.text());
    });

    const pageUrl = pathToFileURL(join(dir, 'article.html')).href;
    await page.goto(pageUrl, { waitUntil: 'load' });
    // Long enough for an onerror handler or a late request to show itself.
    await page.waitForTimeout(300);

    const photoUrls = m.photos.map((p) => pathToFileURL(join(dir, p.file)).href);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect([...new Set(requests)].sort()).toEqual([pageUrl, ...photoUrls].sort());
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);

    const shown = await page.$$eval('h1, .sapo, .para, figcaption', (els) =>
      els.map((e) => (e as HTMLElement).innerText),
    );
    expect(shown).toEqual(readingOrder(m));

    const gallery = await page.$$eval('figure.gallery', (figs) =>
      figs.map((f) => ({
        images: f.querySelectorAll('img').length,
        captions: Array.from(f.querySelectorAll('figcaption')).map((c) => c.textContent),
      })),
    );
    const galleryBlock = m.article.body.find((b) => b.type === 'gallery')!;
    expect(gallery).toEqual([{ images: 4, captions: [galleryBlock.caption] }]);

    const images = await page.$$eval('img', (imgs) =>
      imgs.map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 })),
    );
    expect(images).toHaveLength(9);
    expect(images.filter((i) => !i.ok)).toEqual([]);

    const firstCaption = await page.$eval('figure.photo figcaption', (c) => c.textContent);
    expect(firstCaption).toContain('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(await page.$$eval('script', (s) => s.length)).toBe(0);
    expect(dialogs).toEqual([]);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // On a phone the measure shrinks, and nothing may stick out sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: SCREENSHOT_PHONE });
    await page.close();
  });
});
