/**
 * Content Credentials in the package dialog, browser mode: with a signing identity set, the
 * dialog offers signing (on) and names the signer; the package's photos then carry their own
 * credentials, trusted by the desk's trust list, and the dialog says so. Unticked, the same
 * article packs as unsigned derivatives, and the dialog says that instead. Needs `npm run build`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../electron/contract/package-manifest';
import { inspectBytes } from '../electron/core/credentials/inspect';
import { parseTrust } from '../electron/core/credentials/trust-list';
import { openZip } from '../electron/core/zip';
import { makeTestPki } from '../test/helpers/c2pa-pki';
import { importArticle, runCli } from '../test/helpers/run-cli';
import { cameraSigned } from '../test/helpers/signed-photos';
import { useEventApp, type EventDirs } from './helpers/event-app';
import { buildValidPackage, openPackageDialog } from './helpers/package-dialog';

let caPem = '';

async function exported(zipPath: string) {
  const zip = await openZip(zipPath);
  try {
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const photo = manifest.photos.find((p) => p.source.file === 'DSC-2403.JPG')!;
    return { manifest, bytes: await zip.read(photo.file) };
  } finally {
    await zip.close();
  }
}

describe('Content Credentials in the package dialog', () => {
  const app = useEventApp(
    {
      prefix: 'captiondesk-credentials-package-e2e-',
      folderName: 'Quà Tết công nhân',
      photos: { 'DSC-2409.JPG': 'leica-t-orient8.jpg' },
      prepare: async ({ work, folder, env }: EventDirs) => {
        const pki = await makeTestPki(join(work, 'pki'));
        caPem = pki.caPem;
        await writeFile(
          join(folder, 'DSC-2403.JPG'),
          await cameraSigned('iptc-reference-nikon-d2x.jpg', pki.signer),
        );
        await writeFile(join(work, 'trust.pem'), pki.caPem);
        await writeFile(join(work, 'chain.pem'), pki.signer.chainPem);
        await writeFile(join(work, 'key.pem'), pki.signer.keyPem);
        for (const args of [
          ['trust-list', join(work, 'trust.pem')],
          ['signing-identity', '--cert', join(work, 'chain.pem'), '--key', join(work, 'key.pem')],
        ]) {
          const r = await runCli(args, env);
          if (r.code !== 0) throw new Error(r.out);
        }
        await importArticle(
          folder,
          {
            headline: 'Quà Tết cho công nhân',
            sapo: 'Công đoàn tỉnh trao quà.',
            byline: 'Tùng Lâm',
            body: [
              { type: 'photo', source: 'DSC-2403.JPG', caption: 'Công nhân nhận quà Tết.' },
              { type: 'photo', source: 'DSC-2409.JPG', caption: 'Đại biểu trao quà.' },
            ],
          },
          join(work, 'structure.json'),
          env,
        );
      },
    },
    120_000,
  );

  it('signs the photos when an identity is set, and says when they are not', async () => {
    const page = await app.openPage({ viewport: { width: 1600, height: 1000 } });
    await page.getByTestId('photo-count').filter({ hasText: '2 ảnh' }).waitFor({ timeout: 20_000 });
    const dialog = await openPackageDialog(page);
    await dialog.getByTestId('pkg-outlet').fill('baolaocai');

    const sign = dialog.getByTestId('pkg-sign');
    await sign.waitFor();
    expect(await sign.isChecked()).toBe(true);
    expect(await dialog.textContent()).toContain('do Phóng viên Lê Đức, Báo Lào Cai ký');

    const signedZip = await buildValidPackage(dialog);
    expect(await dialog.getByTestId('pkg-result-credentials').textContent()).toBe(
      'Ảnh trong gói được ký Content Credentials bởi Phóng viên Lê Đức, Báo Lào Cai.',
    );
    const signed = await exported(signedZip);
    expect(signed.manifest.credentials?.signed).toBe(true);
    const c = await inspectBytes('x.jpg', signed.bytes, parseTrust(caPem));
    expect(c.state).toBe('trusted');
    expect(c.ingredients[0]).toMatchObject({ title: 'DSC-2403.JPG', hasManifest: true });

    // Unticked: the same article as unsigned derivatives, said so.
    await sign.uncheck();
    const unsignedZip = await buildValidPackage(dialog);
    expect(await dialog.getByTestId('pkg-result-credentials').textContent()).toBe(
      'Ảnh trong gói là bản phái sinh chưa ký: không mang Content Credentials riêng.',
    );
    const unsigned = await exported(unsignedZip);
    expect(unsigned.manifest.credentials?.signed).toBe(false);
    expect((await inspectBytes('x.jpg', unsigned.bytes, parseTrust(caPem))).state).toBe('none');

    expect(app.pageErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
