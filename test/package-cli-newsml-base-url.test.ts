/**
 * `captiondesk package … --newsml-base-url URL`: the export option from a terminal. The
 * package's newsml.xml points each photo at its file under the URL, the manifest records it,
 * and a URL a desk cannot fetch from stops the command (exit 1) before any package is made.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../electron/contract/package-manifest';
import { openZip } from '../electron/core/zip';
import { parseXml } from '../electron/core/package/testing/newsml-dom';
import { tempDir } from './helpers/fixtures';
import { copyGalleryPhotos, GALLERY_ARTICLE } from './helpers/gallery-article';
import { importArticle, runCli as cli } from './helpers/run-cli';

const BASE = 'http://127.0.0.1:8080/goi-tin/hoi-nghi/';

describe('CLI package --newsml-base-url', () => {
  let dir: string;
  let state: string;
  let env: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    dir = await tempDir();
    state = await tempDir();
    env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    await copyGalleryPhotos(dir);
    id = await importArticle(dir, GALLERY_ARTICLE, join(state, 'structure.json'), env);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  const pack = (out: string, ...extra: string[]) =>
    cli(['package', dir, '--article', id, '--out', out, '--outlet', 'baolaocai', ...extra], env);

  it('writes absolute photo hrefs under the URL and records it in the manifest', async () => {
    const out = join(state, 'http.zip');
    const built = await pack(out, '--newsml-base-url', BASE);
    expect(built.code, built.out).toBe(0);
    const zip = await openZip(out);
    try {
      const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
      expect(manifest.newsml).toEqual({ baseUrl: BASE });
      const xml = parseXml((await zip.read('newsml.xml')).toString('utf8'));
      const hrefs = Array.from(xml.getElementsByTagName('remoteContent')).map((rc) =>
        rc.getAttribute('href'),
      );
      expect(hrefs.sort()).toEqual(manifest.photos.map((p) => `${BASE}${p.file}`).sort());
    } finally {
      await zip.close();
    }
    const verified = await cli(['verify', out], env);
    expect(verified.code, verified.out).toBe(0);
  });

  it('keeps relative hrefs without the flag', async () => {
    const out = join(state, 'plain.zip');
    expect((await pack(out)).code).toBe(0);
    const zip = await openZip(out);
    try {
      const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
      expect(manifest.newsml).toBeUndefined();
      const xml = parseXml((await zip.read('newsml.xml')).toString('utf8'));
      for (const rc of Array.from(xml.getElementsByTagName('remoteContent')))
        expect(rc.getAttribute('href')).toMatch(/^photos\//);
    } finally {
      await zip.close();
    }
  });

  it('refuses a URL that is not http(s), naming the option, with exit 1 and no package', async () => {
    const refused = join(state, 'refused');
    const r = await pack(join(refused, 'x.zip'), '--newsml-base-url', 'file:///srv/goi-tin/');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /newsmlBaseUrl "file:\/\/\/srv\/goi-tin\/" is not an http or https URL/,
    );
    expect(r.stdout).toBe('');
    await expect(readdir(refused)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
