import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Core } from '../electron/core/app-core-types';
import { rawZip, zeroBomb, zeroCrc, type RawEntry } from '../electron/core/zip/testing/raw-zip';
import { writeFile } from 'node:fs/promises';
import { tempDir } from './helpers/fixtures';
import { coreIn } from './helpers/fixture-core';
import {
  manifestBytes,
  sha256,
  smallPackage,
  writePackage,
  type PackageParts,
} from './helpers/review-package';

const MiB = 1024 * 1024;

/** Every path under `dir`, so a file appearing anywhere below it shows up. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      out.push(relative(dir, p));
      if (e.isDirectory()) await walk(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/** The members of a valid package as raw entries, to be joined by a hostile one. */
function rawMembers(parts: PackageParts): RawEntry[] {
  return [
    { name: 'manifest.json', content: manifestBytes(parts.manifest) },
    ...[...parts.files].map(([name, content]) => ({ name, content })),
  ];
}

describe('openPackage refuses hostile packages, writing nothing', () => {
  let root: string;
  let pkgs: string;
  let dataDir: string;
  let core: Core;
  let parts: PackageParts;

  beforeAll(async () => {
    root = await tempDir('captiondesk-hostile-');
    pkgs = join(root, 'inbox', 'packages');
    await mkdir(pkgs, { recursive: true });
    dataDir = join(root, 'data');
    core = coreIn(root);
    parts = await smallPackage();
  });
  afterAll(async () => {
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  const raw = (entries: RawEntry[]) => rawZip(entries);
  const withManifest = async (edit: (m: PackageParts['manifest']) => void) => {
    const m = structuredClone(parts.manifest);
    edit(m);
    return manifestBytes(m);
  };

  const cases: [string, () => Promise<Buffer | PackageParts | string>, RegExp][] = [
    [
      'zip-slip ../../x',
      async () => raw([...rawMembers(parts), { name: '../../x', content: Buffer.from('escaped') }]),
      /\.\.\/\.\.\/x: name has a "\.\." segment \(path traversal\)/,
    ],
    [
      'absolute /etc/x',
      async () => raw([...rawMembers(parts), { name: '/etc/x', content: Buffer.from('root') }]),
      /\/etc\/x: absolute path/,
    ],
    [
      'Windows C:\\x',
      async () => raw([...rawMembers(parts), { name: 'C:\\x', content: Buffer.from('win') }]),
      /backslash|drive letter/,
    ],
    [
      'a symbolic link entry',
      async () =>
        raw([
          ...rawMembers(parts),
          {
            name: 'photos/link.jpg',
            content: Buffer.from('/etc/passwd'),
            external: ((0o120777 << 16) >>> 0) as number,
          },
        ]),
      /photos\/link\.jpg: symbolic link entry/,
    ],
    [
      'a 1 GiB zip bomb (honest header)',
      async () =>
        raw([
          ...rawMembers(parts),
          {
            name: 'photos/bomb.jpg',
            method: 8,
            payload: zeroBomb(1024),
            size: 1024 * MiB,
            crc: zeroCrc(1024),
          },
        ]),
      /photos\/bomb\.jpg: .*(ratio|compress)/i,
    ],
    [
      'a 1 GiB zip bomb behind a lying header',
      async () =>
        raw([
          ...rawMembers(parts),
          // Declared 16 MiB, a believable ratio for its 1 MB of deflate; it inflates towards 1 GiB.
          { name: 'photos/bomb.jpg', method: 8, payload: zeroBomb(1024), size: 16 * MiB, crc: 0 },
        ]),
      /photos\/bomb\.jpg: inflates past its declared size/,
    ],
    [
      '100,000 entries',
      async () =>
        raw(
          Array.from({ length: 100_000 }, (_, i) => ({ name: `f${i}`, content: Buffer.alloc(0) })),
        ),
      /entries is more than the limit of 10000/,
    ],
    [
      'a duplicate manifest.json',
      async () =>
        raw([
          ...rawMembers(parts),
          { name: 'manifest.json', content: Buffer.from('{"evil": true}') },
        ]),
      /manifest\.json: duplicate name/,
    ],
    [
      'malformed JSON',
      async () =>
        raw([
          ...rawMembers(parts).slice(1),
          { name: 'manifest.json', content: Buffer.from('{"version": 1,') },
        ]),
      /manifest\.json: not valid UTF-8 JSON/,
    ],
    [
      'a schema violation',
      async () =>
        raw([
          ...rawMembers(parts).slice(1),
          {
            name: 'manifest.json',
            content: await withManifest((m) => {
              (m as { packageId: string }).packageId = '../../../etc';
              m.version = 0;
            }),
          },
        ]),
      /manifest\.json: packageId: a UUID[\s\S]*manifest\.json: version:/,
    ],
    [
      'a tampered photo',
      async () => {
        const files = new Map(parts.files);
        const photo = Buffer.from(files.get('photos/baolaocai-tl-02.jpg')!);
        photo[photo.length - 10] = photo[photo.length - 10]! ^ 0xff;
        files.set('photos/baolaocai-tl-02.jpg', photo);
        return { manifest: parts.manifest, files };
      },
      /photos\/baolaocai-tl-02\.jpg: sha256 mismatch/,
    ],
  ];

  it.each(cases)(
    '%s',
    async (name, make, reason) => {
      const made = await make();
      const path = join(pkgs, `${name.replace(/[^a-z0-9]+/gi, '-')}.zip`);
      if (Buffer.isBuffer(made)) await writeFile(path, made);
      else if (typeof made !== 'string') await writePackage(path, made);
      // The log is the one thing the data folder gains: it records the refusal.
      const data = async () => (await tree(dataDir)).filter((p) => !/^logs(\/|$)/.test(p));
      // The first refusal logged may be what creates data/logs: when it lands is the log's business.
      const rootTree = async () =>
        (await tree(root)).filter((p) => !/^data(\/logs(\/.*)?)?$/.test(p));
      const before = { root: await rootTree(), data: await data() };
      const rejection = await core.api.openPackage({ path }).then(
        () => null,
        (e: Error) => e,
      );
      expect(rejection, name).toBeInstanceOf(Error);
      expect(rejection!.message).toMatch(/^Refusing to open /);
      expect(rejection!.message).toMatch(reason);
      // Nothing new anywhere: not beside the package, not above it, not in the app's data.
      expect(await rootTree()).toEqual(before.root);
      expect(await data()).toEqual(before.data);
      await core.log.flush();
      const logged = (await readFile(core.log.path, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { method?: string; message?: string });
      const head = rejection!.message.slice(0, 200);
      expect(logged.some((e) => e.method === 'openPackage' && e.message?.startsWith(head))).toBe(
        true,
      );
    },
    60_000,
  );

  it('opens the valid package, into the data folder only', async () => {
    const path = await writePackage(join(pkgs, 'valid.zip'), parts);
    const opened = await core.api.openPackage({ path });
    expect(opened.workDir).toBe(join(dataDir, 'review', parts.manifest.packageId, 'v1'));
    expect(opened.checks.map((c) => [c.file, c.ok])).toEqual([
      ['manifest.json', true],
      ['article.html', true],
      ['newsml.xml', true],
      ['photos/baolaocai-tl-01.jpg', true],
      ['photos/baolaocai-tl-02.jpg', true],
    ]);
    expect(await tree(opened.workDir)).toEqual([
      'article.html',
      'manifest.json',
      'newsml.xml',
      'photos',
      'photos/p1.jpg',
      'photos/p2.jpg',
    ]);
    const media = await core.resolveMedia(opened.photos[1]!.media);
    expect(media).toEqual({ path: opened.photos[1]!.localPath, contentType: 'image/jpeg' });
    expect(sha256(await readFile(opened.photos[1]!.localPath))).toBe(
      parts.manifest.photos[1]!.sha256,
    );
    // The review media kind reaches nothing but the work area's photos.
    for (const evil of [
      `media/review/${parts.manifest.packageId}/v1/../../../x.jpg`,
      `media/review/${parts.manifest.packageId}/v0/p1.jpg`,
      `media/review/${parts.manifest.packageId}/v1/manifest.json`,
      'media/review/..%2F..%2Fdata/v1/p1.jpg',
    ])
      expect(await core.resolveMedia(evil), evil).toBeNull();
  });

  it('returns markup in captions as plain text, and article.html keeps it inert', async () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)"> Lào Cai';
    const xss = await smallPackage([hostile, 'Ảnh <b onmouseover=alert(3)>hai</b>']);
    const path = await writePackage(join(pkgs, 'xss.zip'), xss);
    const opened = await core.api.openPackage({ path });
    expect(opened.manifest.photos[0]!.caption).toBe(hostile);
    expect(opened.photos[0]!.embedded.caption).toBe(hostile);
    expect(opened.photos[0]!.captionMatches).toBe(true);
    const html = await readFile(opened.articleHtml, 'utf8');
    expect(html).not.toMatch(/<script|<img src=x|<b on|onerror="/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    // A review that adds more markup re-renders article.html just as inert.
    const v2 = await core.api.saveReview({
      path,
      reviewer: 'Biên tập <i>',
      role: 'editor',
      decision: 'edited',
      edits: { captions: { p2: '<iframe src="javascript:alert(4)"></iframe>' } },
      comments: [{ target: 'p1', text: '<script>alert(5)</script>' }],
    });
    const reopened = await core.api.openPackage({ path: v2.path });
    expect(reopened.manifest.comments[0]!.text).toBe('<script>alert(5)</script>');
    expect(reopened.photos[1]!.embedded.caption).toBe(
      '<iframe src="javascript:alert(4)"></iframe>',
    );
    const html2 = await readFile(reopened.articleHtml, 'utf8');
    expect(html2).not.toMatch(/<script|<iframe|<img src=x/i);
  });
});
