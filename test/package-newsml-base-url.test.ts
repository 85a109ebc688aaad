/**
 * The export option newsmlBaseUrl, end to end through the core: the seed article packaged
 * for a desk that fetches over HTTP has absolute photo hrefs in newsml.xml that resolve to
 * the package's own photo files under the base, still valid against IPTC's schemas and read
 * by Superdesk's parser; a review's next version keeps them; a bad URL is refused up front.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../electron/contract/dispatch';
import type { Manifest } from '../electron/contract/package-manifest';
import type { Core } from '../electron/core/app-core-types';
import { openZip } from '../electron/core/zip';
import { HAS_XMLLINT, parseXml, xmllint } from '../electron/core/package/testing/newsml-dom';
import { coreIn } from './helpers/fixture-core';
import { REPO, tempDir } from './helpers/fixtures';
import { packageSeed, seedFolder } from './helpers/seed-package';

const BASE = 'https://desk.example.vn/goi-tin/lao-cai 26-12/';
const XSD_DIR = resolve(REPO, '../shared/standards/newsml-g2');
const PYTHON = '/usr/bin/python3';
const SUPERDESK = resolve(REPO, 'test/third-party/superdesk/run_newsml2.py');
const HAS_SUPERDESK = spawnSync(PYTHON, ['-c', 'import lxml, arrow']).status === 0;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Unpacked {
  manifest: Manifest;
  xml: string;
  /** Zip member → bytes, for the photos. */
  files: Map<string, Buffer>;
}

async function unpack(path: string): Promise<Unpacked> {
  const zip = await openZip(path);
  try {
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const xml = (await zip.read('newsml.xml')).toString('utf8');
    const files = new Map<string, Buffer>();
    for (const p of manifest.photos) files.set(p.file, await zip.read(p.file));
    return { manifest, xml, files };
  } finally {
    await zip.close();
  }
}

const hrefs = (xml: string) =>
  Array.from(parseXml(xml).getElementsByTagName('remoteContent')).map((rc) => ({
    href: rc.getAttribute('href')!,
    hash: rc.getElementsByTagName('hash')[0]!.textContent!,
  }));

/**
 * Every href is absolute under the base, and what a desk would fetch there is a photo of the
 * package: the path under the base, URL-decoded, names a zip member whose bytes match.
 */
function expectHrefsUnderBase(pkg: Unpacked) {
  const refs = hrefs(pkg.xml);
  expect(refs).toHaveLength(pkg.manifest.photos.length);
  const base = new URL(BASE).href;
  for (const { href, hash } of refs) {
    expect(href.startsWith(base), href).toBe(true);
    const member = decodeURIComponent(href.slice(base.length));
    const bytes = pkg.files.get(member);
    expect(bytes, `${href} → ${member}`).toBeDefined();
    expect(sha256(bytes!)).toBe(hash);
  }
  expect(new Set(refs.map((r) => r.href)).size).toBe(refs.length);
}

describe('newsmlBaseUrl: a package for desks that fetch over HTTP', () => {
  let dir: string;
  let state: string;
  let core: Core;
  let v1: string;
  let pkg: Unpacked;

  beforeAll(async () => {
    dir = await seedFolder();
    state = await tempDir();
    core = coreIn(state);
    v1 = join(state, 'out', 'seed.zip');
    await packageSeed(core, dir, v1, { newsmlBaseUrl: BASE });
    pkg = await unpack(v1);
  }, 180_000);

  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('records the base in the manifest and gives every photo an absolute href to its file', async () => {
    expect(pkg.manifest.newsml).toEqual({ baseUrl: BASE });
    expectHrefsUnderBase(pkg);
    // The space in the base travels escaped, as an href must.
    expect(hrefs(pkg.xml)[0]!.href).toMatch(
      /^https:\/\/desk\.example\.vn\/goi-tin\/lao-cai%2026-12\/photos\//,
    );
    expect(await core.api.verifyPackage({ path: v1 })).toEqual({ ok: true, problems: [] });
  });

  it.skipIf(!HAS_XMLLINT)('is still valid against the 2.34 and 2.35 schemas', () => {
    for (const version of ['2.34', '2.35']) {
      const xsd = join(XSD_DIR, `NewsML-G2_${version}-spec-All-Power.xsd`);
      const r = xmllint(pkg.xml, ['--nonet', '--schema', xsd]);
      expect(r.stderr.trim(), version).toBe(`${r.file} validates`);
      expect(r.status).toBe(0);
    }
  });

  it.skipIf(!HAS_SUPERDESK)(
    'is read by Superdesk’s parser with each rendition at its absolute href',
    async () => {
      const file = join(state, 'newsml.xml');
      await writeFile(file, pkg.xml);
      const r = spawnSync(PYTHON, ['-B', SUPERDESK, file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const pictures = (
        JSON.parse(r.stdout) as { type: string; renditions?: Record<string, { href: string }> }[]
      ).filter((i) => i.type === 'picture');
      const fetched = pictures.map((p) => p.renditions!.web!.href);
      for (const href of fetched) expect(href.startsWith(new URL(BASE).href), href).toBe(true);
      expect(fetched.sort()).toEqual(
        hrefs(pkg.xml)
          .map((h) => h.href)
          .sort(),
      );
    },
  );

  it('keeps the absolute hrefs in the version a review writes', async () => {
    const photo = pkg.manifest.photos[0]!;
    const r = await core.api.saveReview({
      path: v1,
      reviewer: 'Nguyễn Thị Biên Tập',
      role: 'editor',
      decision: 'edited',
      edits: { captions: { [photo.id]: 'Chú thích đã sửa.' } },
      comments: [],
    });
    expect(r.version).toBe(2);
    const v2 = await unpack(r.path);
    expect(v2.manifest.newsml).toEqual({ baseUrl: BASE });
    expectHrefsUnderBase(v2);
    // The edited photo's bytes changed, and its href points at the new ones.
    expect(v2.files.get(photo.file)).not.toEqual(pkg.files.get(photo.file));
    expect(hrefs(v2.xml).map((h) => h.href)).toEqual(hrefs(pkg.xml).map((h) => h.href));
    expect(await core.api.verifyPackage({ path: r.path })).toEqual({ ok: true, problems: [] });
  });

  it('refuses a URL a desk cannot fetch from, naming the option, before any work', async () => {
    const out = join(state, 'refused');
    const articleId = pkg.manifest.article.id;
    for (const [bad, why] of [
      [
        'ftp://desk.example.vn/pkg/',
        /newsmlBaseUrl "ftp:\/\/desk\.example\.vn\/pkg\/" is not an http or https URL/,
      ],
      ['goi-tin/', /newsmlBaseUrl "goi-tin\/" is not an absolute URL/],
      ['https://desk.example.vn/pkg/?token=1', /newsmlBaseUrl .* has a query or fragment/],
    ] as const) {
      const args = { folder: dir, articleId, out: join(out, 'x.zip'), newsmlBaseUrl: bad };
      // Through the contract, as every front calls it, and straight at the core.
      await expect(dispatch(core.api, 'buildPackage', args)).rejects.toThrow(why);
      await expect(core.api.buildPackage(args)).rejects.toMatchObject({
        code: 'invalid-args',
        message: expect.stringMatching(why) as unknown,
      });
    }
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
