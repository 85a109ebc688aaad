/**
 * WordPress from the UI: Debian's Chromium drives browser mode to add a WordPress
 * destination (a real WordPress with MariaDB on 127.0.0.1), send the seed article's package,
 * and see the job finish with the draft's address; WordPress's REST API then holds the draft.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageSeed, SEED_SOURCES } from '../test/helpers/seed-package';
import { outboxCore } from '../test/helpers/servers/outbox-harness';
import {
  startWordPress,
  WORDPRESS_ROOT,
  type WordPressServer,
} from '../test/helpers/servers/wordpress';
import { useEventApp } from './helpers/event-app';

const chromiumPath = '/usr/bin/chromium';
const skip = [chromiumPath, '/usr/sbin/mariadbd', WORDPRESS_ROOT, '/usr/bin/php'].find(
  (p) => !existsSync(p),
);
if (skip) console.warn(`WordPress e2e skipped: ${skip} is missing`);

describe.skipIf(skip)('outbox panel: a WordPress destination, for real', () => {
  let wp: WordPressServer | undefined;
  let zip = '';

  const app = useEventApp({
    prefix: 'captiondesk-wp-e2e-',
    folderName: 'Hội nghị Công đoàn',
    photos: SEED_SOURCES,
    prepare: async ({ work, folder }) => {
      wp = await startWordPress(join(work, 'wp'));
      const { core } = outboxCore(join(work, 'builder'));
      try {
        zip = (
          await packageSeed(core, folder, join(folder, 'packages', 'seed.zip'), {
            article: { category: 'Thời sự' },
          })
        ).path;
      } finally {
        await core.close();
      }
    },
    teardown: async () => wp?.stop(),
    separateCsp: true,
  });

  it('adds the site with an Application Password, sends, and shows where the draft is', async () => {
    if (!wp) throw new Error('setup failed');
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.getByTestId('outbox-button').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Shift+O');
    await page.getByTestId('outbox-panel').waitFor();

    await page.getByTestId('outbox-add-destination').click();
    await page.getByTestId('dest-name').fill('Báo Lào Cai (WordPress)');
    await page.getByTestId('dest-kind').selectOption('wordpress+http');
    // What a WordPress destination asks for, and what it does not.
    expect(await page.getByTestId('outbox-dest-form').textContent()).toContain(
      'Mật khẩu ứng dụng (Application Password)',
    );
    expect(await page.getByTestId('dest-limit').count()).toBe(0);
    expect(await page.getByTestId('dest-trust').count()).toBe(0);
    await page.getByTestId('dest-host').fill('127.0.0.1');
    await page.getByTestId('dest-port').fill(String(wp.port));
    await page.getByTestId('dest-user').fill(wp.editor.login);
    await page.getByTestId('dest-password').fill(wp.editor.password);
    await page.getByTestId('dest-save').click();
    await page.getByTestId('outbox-destinations').getByText('Báo Lào Cai (WordPress)').waitFor();
    expect(await page.getByTestId('outbox-destinations').textContent()).toContain(
      `wordpress+http://editor@127.0.0.1:${wp.port}/`,
    );

    await page.getByTestId('outbox-package-path').fill(zip);
    await page.getByTestId('outbox-send').click();
    await page.locator('[data-state="done"]').waitFor({ timeout: 60_000 });
    const drafts = await wp.rest<{ id: number; title: { raw: string }; featured_media: number }[]>(
      'wp/v2/posts?status=draft&context=edit',
    );
    expect(drafts).toHaveLength(1);
    expect(await page.getByTestId('outbox-job-remote').textContent()).toBe(
      `Bản nháp trên WordPress: ${wp.url}wp-admin/post.php?post=${drafts[0]!.id}&action=edit`,
    );
    expect(drafts[0]!.title.raw).toMatch(/^"Lấy công tác chăm lo/);
    expect(drafts[0]!.featured_media).toBeGreaterThan(0);
    expect(await wp.rest<unknown[]>('wp/v2/media?per_page=100&context=edit')).toHaveLength(9);
    await page.screenshot({ path: '/tmp/outbox-wordpress.png' });

    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
