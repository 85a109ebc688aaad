import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Photo } from '../electron/contract/api';
import { checksums, copyFixtures, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { copyGalleryPhotos, GALLERY_ARTICLE } from './helpers/gallery-article';
import { importArticle, runCli as cli } from './helpers/run-cli';

describe('CLI', () => {
  let dir: string;
  let state: string;
  let env: Record<string, string>;
  const caption = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.';

  beforeAll(async () => {
    dir = await copyFixtures([
      'canon-eos1300d-18mp.jpg',
      'sony-xperia-truncated.jpg',
      'canon-eos-r6-truncated.cr3',
    ]);
    state = await tempDir();
    env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('scan --json prints one sorted JSON array with the documented fields', async () => {
    const r = await cli(['scan', dir, '--json'], env);
    expect(r.code).toBe(0);
    const photos = JSON.parse(r.stdout) as Photo[];
    expect(photos.map((p) => p.file)).toEqual([
      'canon-eos-r6-truncated.cr3',
      'canon-eos1300d-18mp.jpg',
      'sony-xperia-truncated.jpg',
    ]);
    for (const p of photos) {
      for (const k of [
        'file',
        'format',
        'width',
        'height',
        'orientation',
        'capturedAt',
        'make',
        'model',
        'caption',
        'byline',
        'rating',
        'gps',
        'error',
      ]) {
        expect(p, k).toHaveProperty(k);
      }
    }
  });

  it('caption writes the sidecar, scan shows it, the original is untouched', async () => {
    const before = await checksums(dir);
    const set = await cli(
      ['caption', dir, 'canon-eos1300d-18mp.jpg', '--text', caption.normalize('NFD')],
      env,
    );
    expect(set.code).toBe(0);
    const photos = JSON.parse((await cli(['scan', dir, '--json'], env)).stdout) as Photo[];
    const p = photos.find((x) => x.file === 'canon-eos1300d-18mp.jpg')!;
    expect(p.caption).toBe(caption);
    expect(p.captionSource).toBe('sidecar');
    expect(await checksums(dir)).toEqual(before);
    if (hasExiftool) {
      const [x] = await exiftool([join(dir, 'canon-eos1300d-18mp.xmp')]);
      expect(x!['XMP-dc:Description']).toBe(caption);
    }
  });

  it('exits 1 on a usage error and 2 when files failed, naming them on stderr', async () => {
    const usage = await cli(['caption', dir], env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/missing/);
    const missing = await cli(['scan', join(dir, 'nope')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it('refuses an unknown flag: exit 1, the flag named on stderr, nothing written', async () => {
    const before = await checksums(dir);
    const r = await cli(['caption', dir, 'canon-eos1300d-18mp.jpg', '--captoin', caption], env);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('captiondesk: unknown option --captoin');
    expect(await checksums(dir)).toEqual(before);
  });

  it('reaches every contract method through `call`', async () => {
    const r = await cli(['call', 'appInfo', '{}'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'cli' });
  });
});

describe('CLI metadata commands', () => {
  it('caption sets fields, scan reports them with their sources, template apply writes the event template', async () => {
    const dir = await copyFixtures(['canon-eos1300d-18mp.jpg', 'canon-eos350d-progressive.jpg']);
    const state = await tempDir();
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    try {
      const set = await cli(
        [
          'caption',
          dir,
          'canon-eos1300d-18mp.jpg',
          '--text',
          'Quang cảnh hội nghị tại {city}.',
          '--city',
          'Lào Cai',
          '--byline',
          'Tùng Lâm',
          '--keywords',
          'hội nghị, công đoàn',
          '--headline',
          'Hội nghị BCH',
        ],
        env,
      );
      expect(set.code, set.stderr).toBe(0);
      const templatePath = join(state, 'template.json');
      const { defaultEvent } = await import('../electron/core/captioning/event-store');
      const t = defaultEvent().template;
      t.credit = { value: 'Báo Lào Cai', apply: true };
      t.province = { value: 'Lào Cai', apply: true };
      await writeFile(templatePath, JSON.stringify(t));
      const applied = await cli(
        ['template', 'apply', dir, templatePath, '--files', 'canon-eos350d-progressive.jpg'],
        env,
      );
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('applied: canon-eos350d-progressive.jpg');
      const photos = JSON.parse((await cli(['scan', dir, '--json'], env)).stdout) as Photo[];
      expect(photos[0]).toMatchObject({
        caption: 'Quang cảnh hội nghị tại Lào Cai.',
        city: 'Lào Cai',
        byline: 'Tùng Lâm',
        headline: 'Hội nghị BCH',
        keywords: ['hội nghị', 'công đoàn'],
        metadataSources: {
          caption: 'sidecar',
          city: 'sidecar',
          byline: 'sidecar',
          headline: 'sidecar',
          keywords: 'sidecar',
        },
      });
      // Country is in the default template but not ticked, so it is not applied.
      expect(photos[1]).toMatchObject({
        credit: 'Báo Lào Cai',
        province: 'Lào Cai',
        country: null,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    }
  });
});

describe('CLI embed', () => {
  it('writes caption and fields into a copy without re-encoding, and refuses to overwrite its input', async () => {
    const dir = await copyFixtures(['canon-eos350d-progressive.jpg']);
    const state = await tempDir();
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    try {
      const before = await checksums(dir);
      const fields = join(state, 'fields.json');
      await writeFile(
        fields,
        JSON.stringify({
          caption: 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.',
          byline: 'Tùng Lâm',
          city: 'Thành phố Lào Cai, tỉnh Lào Cai',
        }),
      );
      const out = join(state, 'out.jpg');
      const r = await cli(
        ['embed', join(dir, 'canon-eos350d-progressive.jpg'), out, '--fields', fields],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/cut city \(IPTC 2:90\) to \d+ of 38 bytes/);
      expect(await checksums(dir)).toEqual(before);
      if (hasExiftool) {
        const [x] = await exiftool([out]);
        expect(x).toMatchObject({
          'IPTC:Caption-Abstract': 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.',
          'XMP-photoshop:City': 'Thành phố Lào Cai, tỉnh Lào Cai',
        });
      }
      const same = await cli(
        [
          'embed',
          join(dir, 'canon-eos350d-progressive.jpg'),
          join(dir, 'canon-eos350d-progressive.jpg'),
          '--fields',
          fields,
        ],
        env,
      );
      expect(same.code).toBe(1);
      expect(same.stderr).toMatch(/never overwrites its input/);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    }
  });
});

describe('CLI article packages', () => {
  it('imports an article, packages it, verifies it, and names a tampered photo', async () => {
    const dir = await tempDir();
    const state = await tempDir();
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    try {
      await copyGalleryPhotos(dir);
      const id = await importArticle(dir, GALLERY_ARTICLE, join(state, 'structure.json'), env);
      expect(id).toMatch(/^a-/);
      const out = join(state, 'pkg.zip');
      const built = await cli(
        [
          'package',
          dir,
          '--article',
          id,
          '--out',
          out,
          '--outlet',
          'baolaocai',
          '--initials',
          'tl',
        ],
        env,
      );
      expect(built.code, built.stderr).toBe(0);
      expect(built.stdout).toContain('DSC-2419.JPG → photos/baolaocai-tl_dsc-2419.jpg');
      const ok = await cli(['verify', out], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^ok/);
      const bytes = await readFile(out);
      const at = bytes.length - 5000;
      bytes[at] = bytes[at]! ^ 0xff;
      const bad = join(state, 'bad.zip');
      await writeFile(bad, bytes);
      const failed = await cli(['verify', bad], env);
      expect(failed.code).toBe(2);
      expect(failed.stderr).toMatch(/photos\/baolaocai-tl_dsc-24\d\d\.jpg/);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    }
  });
});
