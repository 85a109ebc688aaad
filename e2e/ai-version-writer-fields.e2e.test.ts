/**
 * The field editor's IPTC 2025 AI System Version Used and AI Prompt Writer Name: absent for a
 * camera file, there once the photo is marked as AI-made, saved to the sidecar, and gone again
 * when it is marked otherwise. Debian's Chromium against browser mode on a copy of one fixture;
 * needs `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { useEventApp } from './helpers/event-app';

const FILE = 'canon-eos1300d-18mp.jpg';
const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

describe('the AI version and prompt writer fields in the UI field editor', () => {
  const app = useEventApp({
    prefix: 'captiondesk-aiversion-',
    folderName: 'Minh hoạ',
    photos: [FILE],
  });

  it('shows them only while the source type is an AI one, and saves what is typed', async () => {
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.locator(`[data-testid="tile-${FILE}"]`).waitFor({ timeout: 20_000 });
    await page.click(`[data-testid="tile-${FILE}"]`);
    const editor = page.getByTestId('fields-editor');
    const type = editor.getByLabel('Nguồn gốc ảnh số', { exact: true });
    await type.waitFor();
    expect(await type.inputValue()).toBe(`${DST}digitalCapture`);
    for (const id of ['field-aiSystemVersionUsed', 'field-aiPromptWriterName'])
      expect(await editor.getByTestId(id).count(), id).toBe(0);

    await type.selectOption({ label: 'Do AI tạo sinh' });
    const version = editor.getByLabel('Phiên bản hệ thống AI', { exact: true });
    const writer = editor.getByLabel('Người viết câu lệnh AI', { exact: true });
    await version.waitFor();
    await writer.waitFor();
    await version.fill('v7.1');
    await writer.fill('Nguyễn Thị Hằng');
    await writer.blur();
    await expect
      .poll(async () => (await readSidecar(app.folder, FILE))?.fields, { timeout: 10_000 })
      .toMatchObject({
        digitalSourceType: `${DST}trainedAlgorithmicMedia`,
        aiSystemVersionUsed: 'v7.1',
        aiPromptWriterName: 'Nguyễn Thị Hằng',
      });

    await type.selectOption({ label: 'Chỉnh sửa nhỏ (người làm)' });
    await editor.getByTestId('field-aiSystemVersionUsed').waitFor({ state: 'detached' });
    expect(await editor.getByTestId('field-aiPromptWriterName').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
    await page.close();
  });
});
