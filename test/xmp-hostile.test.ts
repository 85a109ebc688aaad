/**
 * Hostile XMP (issue 12): sidecars and embedded XMP with a DOCTYPE, entity expansion,
 * external entities (a file, an HTTP URL), 100,000 levels of nesting, 300,000 tags and
 * 50 MB of text. Each is refused before any parser sees it, with an error naming the file
 * and the cause; the photo still lists with its other metadata, the rest of the folder is
 * read as before, /etc/passwd never shows, no URL is fetched, and memory stays bounded.
 */
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo } from '../electron/contract/api';
import { embedMetadata } from '../electron/core/metadata/embed/jpeg-rewrite';
import { readEmbeddedFields } from '../electron/core/review/embedded-fields';
import { fixtureCore } from './helpers/fixture-core';
import { copyFixtures, REPO, sha256, tempDir } from './helpers/fixtures';
import { BASE_PHOTO, BASE_TIFF, packet, writeHostileFolder } from './helpers/hostile-xmp';
import { runCli } from './helpers/run-cli';

const GOOD = [
  BASE_PHOTO,
  'dpa-wire-iptc-utf8.jpg',
  'fujifilm-s2pro-iptc-caption.jpg',
  'canon-eos350d-progressive.jpg',
  BASE_TIFF,
];
const GOOD_SIDECAR_CAPTION = 'Chú thích đúng, đọc từ tệp XMP đi kèm.';

const cleanup: (() => Promise<void>)[] = [];
let server: Server;
let requests = 0;
let dir: string;
let cases: Awaited<ReturnType<typeof writeHostileFolder>>;
let baseline: Map<string, Photo>;
let passwdLines: string[];

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end('<!ENTITY leaked "LEAKED-OVER-HTTP">');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xmp.dtd`;
  // The same photos untouched, read first: the hostile files must change nothing about them.
  const clean = await fixtureCore((fn) => cleanup.push(fn), GOOD);
  baseline = new Map((await clean.core.api.scan({ folder: clean.dir })).map((p) => [p.file, p]));
  dir = await copyFixtures(GOOD);
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  cases = await writeHostileFolder(dir, url);
  await writeFile(join(dir, 'good-sidecar.jpg'), await readFile(join(dir, BASE_PHOTO)));
  await writeFile(join(dir, 'good-sidecar.xmp'), packet(GOOD_SIDECAR_CAPTION));
  passwdLines = (await readFile('/etc/passwd', 'utf8')).split('\n').filter((l) => l.length > 8);
}, 120_000);

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
  await new Promise((done) => server.close(done));
});

function expectNoPasswd(text: string): void {
  expect(passwdLines.length).toBeGreaterThan(0);
  for (const line of passwdLines) expect(text).not.toContain(line);
  expect(text).not.toMatch(/root:x?:0:0/);
}

/** Every hostile photo listed, its XMP refused with the file and cause named, its IIM read. */
function expectRefusedAndRest(photos: Photo[]): void {
  const byFile = new Map(photos.map((p) => [p.file, p]));
  const base = baseline.get(BASE_PHOTO)!;
  expect(base.caption).toMatch(/Cobi Jones/);
  for (const c of cases) {
    const p = byFile.get(c.photo);
    expect(p, c.photo).toBeDefined();
    expect(p!.error, c.photo).toBeNull();
    const refused = p!.notices.filter((n) => n.code === 'xmpRefused');
    expect(refused, c.photo).toHaveLength(1);
    if (c.file.endsWith('.xmp')) expect(refused[0]!.detail).toContain(c.file);
    expect(refused[0]!.detail).toMatch(c.cause);
    expect(p!.warnings.join('\n')).toMatch(c.cause);
    // Only the XMP is ignored: the photo's own IIM caption and camera data still read.
    const own = baseline.get(c.base)!;
    if (own.captionSource !== 'xmp') expect(p!.caption, c.photo).toBe(own.caption);
    expect(p!.capturedAt, c.photo).toBe(own.capturedAt);
    expect([p!.width, p!.make], c.photo).toEqual([own.width, own.make]);
  }
  for (const file of GOOD) {
    const p = byFile.get(file)!;
    expect(
      p.notices.some((n) => n.code === 'xmpRefused'),
      file,
    ).toBe(false);
    expect(p).toEqual(baseline.get(file));
  }
  const good = byFile.get('good-sidecar.jpg')!;
  expect(good.caption).toBe(GOOD_SIDECAR_CAPTION);
  expect(good.notices).toEqual(base.notices);
  expect(photos).toHaveLength(GOOD.length + cases.length + 1);
  const all = JSON.stringify(photos);
  expectNoPasswd(all);
  expect(all).not.toContain('lollollol');
  expect(all).not.toContain('LEAKED-OVER-HTTP');
  expect(requests).toBe(0);
}

describe('hostile XMP through the real core', () => {
  it('scan: every hostile XMP is refused, naming file and cause; the rest reads as before', async () => {
    const { core } = await fixtureCore((fn) => cleanup.push(fn), []);
    expectRefusedAndRest(await core.api.scan({ folder: dir }));
  }, 120_000);

  it('the grid (openFolder, listPhotos) shows the same, every photo listed', async () => {
    const { core } = await fixtureCore((fn) => cleanup.push(fn), []);
    await core.api.openFolder({ path: dir });
    let tiles = await core.api.listPhotos({ folder: dir });
    // A large folder is read in the background; this one is small, but wait for it anyway.
    for (let i = 0; i < 600 && tiles.some((t) => t.width === null); i++) {
      await new Promise((r) => setTimeout(r, 100));
      tiles = await core.api.listPhotos({ folder: dir });
    }
    expectRefusedAndRest(tiles.map(({ thumb: _t, ...rest }) => stripTile(rest)));
  }, 120_000);

  it('a caption for a photo whose sidecar was refused is not saved, and the sidecar stays as it was', async () => {
    const { core } = await fixtureCore((fn) => cleanup.push(fn), []);
    await core.api.openFolder({ path: dir });
    const sidecar = join(dir, 'xxe-file.xmp');
    const before = await sha256(sidecar);
    await expect(
      core.api.setFields({
        folder: dir,
        files: ['xxe-file.jpg'],
        fields: { caption: 'Mới' },
        culling: {},
      }),
    ).rejects.toThrow(
      /xxe-file\.xmp: XMP sidecar refused: it declares a DOCTYPE.*nothing was saved/,
    );
    expect(await sha256(sidecar)).toBe(before);
    // The folder goes on: a good photo still takes its caption.
    const [saved] = await core.api.setFields({
      folder: dir,
      files: ['canon-eos350d-progressive.jpg'],
      fields: { caption: 'Vẫn lưu được.' },
      culling: {},
    });
    expect(saved!.caption).toBe('Vẫn lưu được.');
    await rm(join(dir, 'canon-eos350d-progressive.xmp'), { force: true });
  }, 120_000);

  it('package and review paths: an export copy drops the hostile XMP; review reads the rest', async () => {
    for (const c of cases.filter((x) => x.file === x.photo && x.photo.endsWith('.jpg'))) {
      const jpeg = await readFile(join(dir, c.photo));
      const { jpeg: out, report } = embedMetadata(jpeg, { caption: 'Ảnh xuất bản' });
      expect(report.removed.join('\n'), c.photo).toMatch(c.cause);
      const text = out.toString('latin1');
      expect(text).not.toContain('<!DOCTYPE');
      expect(text).not.toContain('&xxe;');
      expect(out.length).toBeLessThan(1024 * 1024);
      expectNoPasswd(text);
      const fields = await readEmbeddedFields(join(dir, c.photo), c.photo);
      expect(fields.error, c.photo).toBeNull();
      expect(fields.caption).toBe(baseline.get(BASE_PHOTO)!.caption);
    }
    expect(requests).toBe(0);
  }, 120_000);
});

/** A tile is a photo plus what the grid needs; compare on the photo's own fields. */
function stripTile(t: Record<string, unknown>): Photo {
  const photoKeys = Object.keys(baseline.get(BASE_PHOTO)!);
  return Object.fromEntries(photoKeys.map((k) => [k, t[k]])) as Photo;
}

describe('hostile XMP through the CLI and in a process of its own', () => {
  it('captiondesk scan names each refused file and its cause on stderr, exits 2, lists every photo', async () => {
    const state = await tempDir();
    cleanup.push(() => rm(state, { recursive: true, force: true }));
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    const r = await runCli(['scan', dir, '--json'], env);
    expect(r.code, r.out).toBe(2);
    const photos = JSON.parse(r.stdout) as Photo[];
    expectRefusedAndRest(photos);
    const lines = r.stderr.split('\n').filter(Boolean);
    for (const c of cases) {
      const line = lines.find((l) => l.startsWith(`captiondesk: ${c.photo}: `));
      expect(line, `${c.photo} in\n${r.stderr}`).toBeDefined();
      expect(line).toContain(c.file);
      expect(line).toMatch(c.cause);
    }
    expect(lines.filter((l) => /refused/.test(l))).toHaveLength(cases.length);
    expectNoPasswd(r.out);
  }, 180_000);

  it('scanning, opening and thumbnailing the hostile folder grows a process by less than 200 MB', async () => {
    const state = await tempDir();
    cleanup.push(() => rm(state, { recursive: true, force: true }));
    const out = await new Promise<string>((done, fail) =>
      execFile(
        join(REPO, 'node_modules/.bin/tsx'),
        [join(REPO, 'test/helpers/xmp-scan-child.ts'), dir, state],
        { maxBuffer: 1 << 20 },
        (err, stdout, stderr) =>
          err ? fail(new Error(`${err.message}\n${stderr}`)) : done(stdout),
      ),
    );
    const r = JSON.parse(out) as {
      photos: number;
      refused: number;
      thumbnailsFailed: number;
      growthBytes: number;
    };
    expect(r.photos).toBe(GOOD.length + cases.length + 1);
    expect(r.refused).toBe(cases.length);
    // Every thumbnail built, the 50 MB-header JPEG's from a copy without its metadata.
    expect(r.thumbnailsFailed).toBe(0);
    console.log(`hostile XMP folder: RSS grew ${(r.growthBytes / 1048576).toFixed(0)} MB`);
    expect(r.growthBytes).toBeLessThan(200 * 1024 * 1024);
  }, 180_000);
});
