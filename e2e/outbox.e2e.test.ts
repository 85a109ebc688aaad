/**
 * The outbox, end to end: Debian's Chromium drives browser mode (real server, core and
 * built renderer) to add an SFTP destination for a real OpenSSH sshd on 127.0.0.1, send
 * a package, check the server's key fingerprint on first contact, and watch the job reach
 * "Đã gửi". Needs `vite build` first, sshd, and root (for the cdtest login user).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePackage } from '../test/helpers/servers/package-fixture';
import { tree } from '../test/helpers/servers/outbox-harness';
import { startSshd, SSHD, type SshServer } from '../test/helpers/servers/sshd';
import { ensureTestUser, serverSkipReason } from '../test/helpers/servers/test-user';
import { useEventApp } from './helpers/event-app';

const chromiumPath = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/outbox.png';
const PACKAGE = 'baolaocai-20241226-lu-quet';

const skip =
  serverSkipReason([SSHD]) ?? (existsSync(chromiumPath) ? null : `${chromiumPath} missing`);
if (skip) console.warn(`outbox e2e skipped: ${skip}`);

describe.skipIf(skip)('outbox panel in browser mode, against a real sshd', () => {
  let ssh: SshServer | undefined;
  let pkg: Awaited<ReturnType<typeof makePackage>>;

  const app = useEventApp({
    prefix: 'captiondesk-outbox-e2e-',
    folderName: 'Lũ quét Lào Cai',
    photos: ['canon-eos1300d-18mp.jpg', 'canon-eos30d-progressive-bad-iptc.jpg'],
    prepare: async ({ work, folder }) => {
      const user = await ensureTestUser();
      ssh = await startSshd(join(work, 'ssh'), user);
      await mkdir(join(folder, 'packages'), { recursive: true });
      // ~3 MB under a 1 MiB/s cap: a few seconds of visible progress.
      pkg = await makePackage(join(folder, 'packages'), PACKAGE, [1_200_000, 1_800_000, 5_000]);
    },
    teardown: async () => ssh?.stop(),
    separateCsp: true,
  });

  it('adds an SFTP destination, checks the host key, sends and reaches "Đã gửi"', async () => {
    if (!ssh) throw new Error('setup failed');
    const page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.getByTestId('outbox-button').waitFor({ timeout: 20_000 });

    // Keyboard first: Ctrl+Shift+O opens the panel with the package path focused.
    await page.keyboard.press('Control+Shift+O');
    const panel = page.getByTestId('outbox-panel');
    await panel.waitFor();
    const active = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    expect(await active()).toBe('outbox-package-path');

    // A destination for the test server, with its key file; the host key is not trusted
    // blindly, so the first send asks for the fingerprint to be checked.
    // Esc in the form leaves the form only.
    await page.getByTestId('outbox-add-destination').click();
    expect(await active()).toBe('dest-name');
    await page.keyboard.press('Escape');
    await page.getByTestId('outbox-dest-form').waitFor({ state: 'detached' });
    expect(await panel.isVisible()).toBe(true);
    await page.getByTestId('outbox-add-destination').click();
    expect(await active()).toBe('dest-name');
    await page.getByTestId('dest-name').fill('Tòa soạn (thử)');
    await page.getByTestId('dest-host').fill('127.0.0.1');
    await page.getByTestId('dest-port').fill(String(ssh.port));
    await page.getByTestId('dest-user').fill('cdtest');
    await page.getByTestId('dest-dir').fill(`${ssh.inbox}/toa-soan`);
    await page.getByTestId('dest-identity').fill(ssh.clientKey);
    await page.getByTestId('dest-limit').fill('1024');
    await page.getByTestId('dest-save').click();
    await page.getByTestId('outbox-destinations').getByText('Tòa soạn (thử)').waitFor();
    expect(await page.getByTestId('outbox-destinations').textContent()).toContain(
      `sftp://cdtest@127.0.0.1:${ssh.port}${ssh.inbox}/toa-soan`,
    );

    await page.getByTestId('outbox-package-path').fill(pkg.path);
    await page.getByTestId('outbox-send').click();

    // First contact: the fingerprint, to compare with what the desk reads out.
    const hostKey = page.getByTestId('outbox-hostkey');
    await hostKey.waitFor({ timeout: 15_000 });
    expect(await hostKey.textContent()).toContain(
      `Dấu vân tay khóa máy chủ: ${ssh.fingerprint()} — hãy đối chiếu với tòa soạn`,
    );
    await page.getByTestId('outbox-hostkey-accept').click();

    // Under the cap the bytes move for a few seconds: state, speed and the toolbar badge.
    const job = page.locator('[data-testid^="outbox-job-"][data-state]');
    await page.locator('[data-state="running"]').waitFor({ timeout: 15_000 });
    await page
      .locator('[data-state="running"] [data-testid="outbox-job-facts"]')
      .filter({ hasText: '/s' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('outbox-count').textContent()).toBe('1');
    await page.locator('[data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await job.getByTestId('outbox-job-state').textContent()).toBe('Đã gửi');
    await page.getByTestId('outbox-count').waitFor({ state: 'detached' });
    expect(await job.getByTestId('outbox-job-facts').textContent()).toContain('2,9 MB / 2,9 MB');
    expect(await page.getByTestId('outbox-destinations').textContent()).toContain(
      `Khóa đã ghim: ${ssh.fingerprint()}`,
    );
    await page.screenshot({ path: SCREENSHOT });

    // On the server: every member byte-identical, a READY marker, no .part left.
    const got = await tree(join(ssh.inbox, 'toa-soan', PACKAGE));
    for (const [name, bytes] of pkg.members) expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect(got.has('READY')).toBe(true);
    expect([...got.keys()].filter((k) => k.endsWith('.part'))).toEqual([]);

    // The accept button went with the prompt; the keyboard stayed in the panel.
    expect(
      await page.evaluate(() =>
        document.querySelector('[data-testid="outbox-panel"]')?.contains(document.activeElement),
      ),
    ).toBe(true);
    // Esc closes the panel and gives the keyboard back to the toolbar button.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await active()).toBe('outbox-button');

    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
