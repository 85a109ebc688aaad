/**
 * Content Credentials in the UI, against the real core (c2pa-rs validating) in browser mode:
 * a folder of photos signed with a test PKI made here with openssl. The trust list is set
 * through Settings and every verdict follows; the grid badges, the "broken" filter, the
 * information panel (signer, camera, a derivative's ingredient chain) and the signing
 * identity form. Debian's Chromium; needs `npm run build` first.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectBytes } from '../electron/core/credentials/inspect';
import { signDerivative } from '../electron/core/credentials/sign-derivative';
import { parseTrust } from '../electron/core/credentials/trust-list';
import { makeTestPki, type TestPki } from '../test/helpers/c2pa-pki';
import {
  cameraSigned,
  identityOf,
  imageDataOffset,
  NO_METADATA,
} from '../test/helpers/signed-photos';
import { FIXTURES, useEventApp } from './helpers/event-app';
import { tileNames } from './helpers/grid';

const FIXTURE = 'iptc-reference-nikon-d2x.jpg';
const TRUSTED = 'a-trusted.jpg';
const OUTSIDER = 'b-outsider.jpg';
const BROKEN = 'c-broken.jpg';
const PLAIN = 'd-plain.jpg';
const DERIVED = 'e-derived.jpg';
const ALL = [TRUSTED, OUTSIDER, BROKEN, PLAIN, DERIVED];
const SIGNER = 'Phóng viên Lê Đức';

let pki: TestPki;

/** The folder: four kinds of camera file, and a desk's signed derivative of a signed original. */
async function prepare({ work, folder }: { work: string; folder: string }) {
  pki = await makeTestPki(join(work, 'pki'));
  await writeFile(join(folder, TRUSTED), await cameraSigned(FIXTURE, pki.signer));
  await writeFile(join(folder, OUTSIDER), await cameraSigned(FIXTURE, pki.outsider));
  const broken = await cameraSigned(FIXTURE, pki.signer);
  const at = imageDataOffset(broken) + 200;
  broken[at] = broken[at]! ^ 0x01;
  await writeFile(join(folder, BROKEN), broken);
  await copyFile(join(FIXTURES, FIXTURE), join(folder, PLAIN));
  const original = await cameraSigned(FIXTURE, pki.signer);
  const derived = await signDerivative(original, identityOf(pki.signer), {
    title: DERIVED,
    parent: {
      title: 'DSC-2403.JPG',
      format: 'image/jpeg',
      bytes: original,
      credentials: await inspectBytes('DSC-2403.JPG', original, parseTrust(pki.caPem)),
    },
    actions: [{ action: 'c2pa.edited.metadata', description: 'Chú thích' }],
    metadata: { ...NO_METADATA, caption: 'Công nhân nhận quà Tết.' },
    softwareAgent: { name: 'CaptionDesk', version: '0.1.0' },
  });
  await writeFile(join(folder, DERIVED), derived.data);
}

const badge = (page: Page, file: string) =>
  page.locator(`[data-testid="tile-${file}"] [data-testid="tile-credentials"]`);

/** Waits until every tile's credentials badge reads as expected (null: no badge at all). */
async function expectBadges(page: Page, want: Record<string, string | null>) {
  await expect
    .poll(
      () =>
        page.evaluate((files) => {
          const out: Record<string, string | null> = {};
          for (const f of files) {
            const tile = document.querySelector(`[data-testid="tile-${CSS.escape(f)}"]`);
            out[f] =
              tile?.querySelector('[data-testid="tile-credentials"]')?.getAttribute('data-state') ??
              null;
          }
          return out;
        }, Object.keys(want)),
      { timeout: 30_000 },
    )
    .toEqual(want);
}

async function openSettings(page: Page) {
  await page.getByTestId('open-settings').click();
  await page.getByTestId('credentials-settings').waitFor();
}

async function closeSettings(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('settings').waitFor({ state: 'detached' });
}

describe('Content Credentials in the UI', () => {
  let page: Page;
  const app = useEventApp(
    { prefix: 'captiondesk-credentials-', folderName: 'Lào Cai', prepare },
    60_000,
  );

  beforeAll(async () => {
    page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.locator(`[data-testid="tile-${PLAIN}"]`).waitFor({ timeout: 20_000 });
  });

  it('judges every signer untrusted while the trust list is empty', async () => {
    await expectBadges(page, {
      [TRUSTED]: 'untrusted',
      [OUTSIDER]: 'untrusted',
      [BROKEN]: 'broken',
      [PLAIN]: null,
      [DERIVED]: 'untrusted',
    });
    await openSettings(page);
    await expect(page.getByTestId('trust-empty').textContent()).resolves.toBe(
      "Danh sách tin cậy trống: mọi người ký đều là 'chưa tin cậy'",
    );
  });

  it('takes the CA from a PEM file in Settings, and every verdict follows', async () => {
    await page.getByTestId('trust-pem-file').setInputFiles({
      name: 'bao-lao-cai-ca.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(pki.caPem),
    });
    await expect
      .poll(() => page.getByTestId('trust-pem').inputValue())
      .toContain('BEGIN CERTIFICATE');
    await page.getByTestId('trust-save').click();
    await page.getByTestId('trust-saved').waitFor();
    const certificates = page.getByTestId('trust-certificates');
    await expect(certificates.textContent()).resolves.toContain('Báo Lào Cai Test CA');
    expect(await page.getByTestId('trust-empty').count()).toBe(0);
    await closeSettings(page);

    await expectBadges(page, {
      [TRUSTED]: 'trusted',
      [OUTSIDER]: 'untrusted',
      [BROKEN]: 'broken',
      [PLAIN]: null,
      [DERIVED]: 'trusted',
    });
    await expect(badge(page, TRUSTED).getAttribute('aria-label')).resolves.toBe(
      `Content Credentials hợp lệ, người ký tin cậy: ${SIGNER}, Báo Lào Cai`,
    );
    await expect(badge(page, BROKEN).getAttribute('title')).resolves.toBe(
      'Content Credentials hỏng: ảnh đã bị thay đổi sau khi ký, hoặc manifest hỏng',
    );
  });

  it('filters the broken ones, and back', async () => {
    const filter = page.getByTestId('filter-credentials');
    await filter.selectOption({ label: 'Content Credentials hỏng (cả bị thu hồi, hết hạn)' });
    await expect.poll(() => tileNames(page)).toEqual([BROKEN]);
    await filter.selectOption({ label: 'Không có Content Credentials' });
    await expect.poll(() => tileNames(page)).toEqual([PLAIN]);
    await filter.selectOption({ label: 'Content Credentials tin cậy' });
    await expect.poll(() => tileNames(page)).toEqual([TRUSTED, DERIVED]);
    await filter.selectOption({ label: 'Content Credentials: mọi ảnh' });
    await expect.poll(() => tileNames(page)).toEqual(ALL);
  });

  it('shows the signer and the camera of a trusted photo, and says plainly when one is broken', async () => {
    await page.getByTestId(`tile-${TRUSTED}`).click();
    const info = page.getByTestId('info-credentials');
    await expect
      .poll(() => info.getByTestId('cred-state').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('trusted');
    await expect(info.getByTestId('cred-signer').textContent()).resolves.toBe(SIGNER);
    await expect(info.getByTestId('cred-organization').textContent()).resolves.toBe('Báo Lào Cai');
    await expect(info.getByTestId('cred-issuer').textContent()).resolves.toBe(
      'Báo Lào Cai Test CA',
    );
    await expect(info.getByTestId('cred-camera').textContent()).resolves.toBe('Leica M11-P');
    await expect(info.getByTestId('cred-actions').textContent()).resolves.toContain('Chụp/tạo');

    await page.getByTestId(`tile-${BROKEN}`).click();
    await expect
      .poll(() => info.getByTestId('cred-state').getAttribute('data-state'))
      .toBe('broken');
    await expect(info.getByTestId('cred-state').textContent()).resolves.toContain(
      'Ảnh đã bị thay đổi sau khi ký, hoặc manifest hỏng',
    );
    await expect(info.getByTestId('cred-problems').first().textContent()).resolves.toContain(
      'assertion.dataHash.mismatch',
    );

    await page.getByTestId(`tile-${PLAIN}`).click();
    await expect
      .poll(() => info.getByTestId('cred-state').textContent())
      .toBe('Ảnh này không có Content Credentials.');
  });

  it("shows a derivative's ingredient chain: the original's title and signer", async () => {
    await page.getByTestId(`tile-${DERIVED}`).click();
    const info = page.getByTestId('info-credentials');
    const ingredient = info.getByTestId('cred-ingredient');
    await ingredient.first().waitFor({ timeout: 15_000 });
    expect(await ingredient.count()).toBe(1);
    const text = await ingredient.textContent();
    expect(text).toContain('DSC-2403.JPG');
    expect(text).toContain('ảnh gốc');
    expect(text).toContain(SIGNER);
    await expect(ingredient.getAttribute('data-depth')).resolves.toBe('1');
    const actions = await info.getByTestId('cred-actions').textContent();
    expect(actions).toContain('Mở ảnh gốc');
    expect(actions).toContain('Sửa siêu dữ liệu');
  });

  it('sets a signing identity through Settings and shows it, then removes it', async () => {
    await openSettings(page);
    const section = page.getByTestId('signing-identity');
    await section.getByTestId('identity-none').waitFor();
    await section.getByTestId('identity-cert').fill(pki.signer.chainPem);
    await section.getByTestId('identity-key').fill(pki.signer.keyPem);
    await section.getByTestId('identity-set').click();
    await section.getByTestId('identity-current').waitFor();
    await expect(section.getByTestId('identity-subject').textContent()).resolves.toBe(
      `${SIGNER}, Báo Lào Cai`,
    );
    await expect(section.getByTestId('identity-issuer').textContent()).resolves.toContain(
      'Báo Lào Cai Test CA',
    );
    await expect(section.getByTestId('identity-key-storage').textContent()).resolves.toBe(
      'Khoá riêng lưu trong tệp chỉ tài khoản này đọc được',
    );
    expect(await section.getByTestId('identity-algorithm').textContent()).toMatch(/^ES256$/);
    expect(await section.getByTestId('identity-expired').count()).toBe(0);
    // The key leaves the form once the core has it.
    expect(await section.getByTestId('identity-key').inputValue()).toBe('');

    await section.getByTestId('identity-clear').click();
    await page.getByTestId('confirm-ok').click();
    await section.getByTestId('identity-none').waitFor();
    await closeSettings(page);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('Content Credentials in the UI: revoked and expired signers', () => {
  const REVOKED = 'f-revoked.jpg';
  const EXPIRED = 'g-expired.jpg';
  let page: Page;
  let pki2: TestPki;
  const app = useEventApp(
    {
      prefix: 'captiondesk-credentials-crl-',
      prepare: async ({ work, folder }) => {
        pki2 = await makeTestPki(join(work, 'pki'));
        await writeFile(join(folder, REVOKED), await cameraSigned(FIXTURE, pki2.revoked));
        await writeFile(join(folder, EXPIRED), await cameraSigned(FIXTURE, pki2.expired));
        await writeFile(join(folder, TRUSTED), await cameraSigned(FIXTURE, pki2.signer));
      },
    },
    60_000,
  );

  beforeAll(async () => {
    page = await app.openPage({ viewport: { width: 1440, height: 900 } });
    await page.locator(`[data-testid="tile-${TRUSTED}"]`).waitFor({ timeout: 20_000 });
  });

  it('takes a CA and its revocation list pasted in Settings, and marks both apart from broken', async () => {
    await openSettings(page);
    await page.getByTestId('trust-pem').fill(pki2.caPem + pki2.crlPem);
    await page.getByTestId('trust-save').click();
    await expect(page.getByTestId('trust-crls').textContent()).resolves.toMatch(
      /^Báo Lào Cai Test CA: cập nhật .+, 1 chứng thư bị thu hồi$/,
    );
    await closeSettings(page);

    await expectBadges(page, { [REVOKED]: 'revoked', [EXPIRED]: 'expired', [TRUSTED]: 'trusted' });
    await expect(badge(page, REVOKED).getAttribute('aria-label')).resolves.toMatch(
      /^Content Credentials: chứng thư của người ký đã bị thu hồi: /,
    );
    await expect(badge(page, EXPIRED).getAttribute('aria-label')).resolves.toMatch(
      /^Content Credentials: chứng thư của người ký đã hết hạn: /,
    );

    await page.getByTestId('filter-credentials').selectOption('broken');
    await expect.poll(() => tileNames(page)).toEqual([REVOKED, EXPIRED]);
    await page.getByTestId('filter-credentials').selectOption('any');

    await page.getByTestId(`tile-${REVOKED}`).click();
    const state = page.getByTestId('info-credentials').getByTestId('cred-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('revoked');
    await expect(state.textContent()).resolves.toMatch(
      /^Chứng thư của người ký đã bị thu hồi · Bị thu hồi từ \d{2}\/\d{2}\/\d{4} /,
    );
    expect(app.pageErrors).toEqual([]);
  });
});
