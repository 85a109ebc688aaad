/**
 * The UI half of the field catalog's proof: a field added as one catalog row (IPTC's Alt
 * Text) gets a labelled row in the field editor, with its advised length shown, and what is
 * typed there reaches the photo's XMP sidecar. Debian's Chromium against browser mode on a
 * copy of one fixture; needs `npm run build` first.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { useEventApp } from './helpers/event-app';

const FILE = 'canon-eos1300d-18mp.jpg';
const LABEL = 'Văn bản thay thế (alt text)';
const ALT = 'Hai đại biểu bắt tay trước phông nền đỏ của hội nghị.';

describe('a catalog row in the UI field editor (altText)', () => {
  let page: Page;

  const app = useEventApp({
    prefix: 'captiondesk-catalog-',
    folderName: 'Hội nghị',
    photos: [FILE],
  });

  beforeAll(async () => {
    page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.locator(`[data-testid="tile-${FILE}"]`).waitFor({ timeout: 20_000 });
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
    const sidecar = await readSidecar(app.folder, FILE);
    expect(sidecar?.fields.altText).toBe(ALT);
    expect(app.pageErrors).toEqual([]);
  });
});
