/**
 * The field editor's Digital Source Type and the IPTC 2025 AI fields that depend on it: a
 * camera file reads as a digital capture, the AI rows appear only once the photo is marked as
 * AI-made, what is typed there reaches the sidecar, and marking it otherwise hides them again.
 * Debian's Chromium against browser mode on a copy of one fixture; needs `npm run build` first.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { useEventApp } from './helpers/event-app';

const FILE = 'canon-eos1300d-18mp.jpg';
const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

describe('the AI fields in the UI field editor', () => {
  let page: Page;

  const app = useEventApp({
    prefix: 'captiondesk-aifields-',
    folderName: 'Minh hoạ',
    photos: [FILE],
  });

  beforeAll(async () => {
    page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.locator(`[data-testid="tile-${FILE}"]`).waitFor({ timeout: 20_000 });
  });

  it('shows AI System Used and AI Prompt only while the source type is an AI one', async () => {
    await page.click(`[data-testid="tile-${FILE}"]`);
    const editor = page.getByTestId('fields-editor');
    const type = editor.getByLabel('Nguồn gốc ảnh số', { exact: true });
    await type.waitFor();
    // A camera's own file.
    expect(await type.inputValue()).toBe(`${DST}digitalCapture`);
    expect(await editor.getByTestId('field-aiSystemUsed').count()).toBe(0);
    expect(await editor.getByTestId('field-aiPrompt').count()).toBe(0);

    await type.selectOption({ label: 'Do AI tạo sinh' });
    const system = editor.getByLabel('Hệ thống AI đã dùng', { exact: true });
    await system.waitFor();
    await editor.getByTestId('field-aiPrompt').waitFor();
    await system.fill('Midjourney v7');
    await system.blur();
    await editor.locator('.save-status.is-saved').waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await readSidecar(app.folder, FILE))?.fields, { timeout: 10_000 })
      .toMatchObject({
        digitalSourceType: `${DST}trainedAlgorithmicMedia`,
        aiSystemUsed: 'Midjourney v7',
      });

    await type.selectOption({ label: 'Chỉnh sửa nhỏ (người làm)' });
    await editor.getByTestId('field-aiSystemUsed').waitFor({ state: 'detached' });
    expect(await editor.getByTestId('field-aiPrompt').count()).toBe(0);
    await expect
      .poll(async () => (await readSidecar(app.folder, FILE))?.fields.digitalSourceType, {
        timeout: 10_000,
      })
      .toBe(`${DST}minorHumanEdits`);
    expect(app.pageErrors).toEqual([]);
  });
});
