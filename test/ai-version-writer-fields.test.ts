/**
 * IPTC Photo Metadata 2025.1's AI System Version Used and AI Prompt Writer Name, added as
 * catalog rows like AI System Used and AI Prompt: shown only for AI source types, set from the
 * CLI by their flags, kept in the sidecar and the manifest, and embedded in a package's JPEG as
 * Iptc4xmpExt:AISystemVersionUsed and Iptc4xmpExt:AIPromptWriterName — only where set.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, type FieldSpec } from '../common/fields/catalog';
import { AI_SOURCE_TYPE_URIS } from '../common/fields/digital-source-type';
import type { Manifest } from '../electron/contract/package-manifest';
import type { Core } from '../electron/core/app-core-types';
import { readPhoto } from '../electron/core/metadata/read-photo';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { openZip } from '../electron/core/zip';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { coreIn } from './helpers/fixture-core';
import { checksums, copyFixtures, tempDir } from './helpers/fixtures';
import { runCli } from './helpers/run-cli';
import { HARVEST_CAPTION, importAiArticle } from './helpers/ai-article';

const AI = 'canon-s40-no-exif.jpg';
const CAMERA = 'fujifilm-s2pro-iptc-caption.jpg';
const VERSION = 'SDXL 1.0 (refiner 0.9)';
const WRITER = 'Nguyễn Thị Hằng';

describe('AI System Version Used and AI Prompt Writer Name', () => {
  let dir: string;
  let state: string;
  let env: Record<string, string>;
  let before: Map<string, string>;
  let core: Core;

  beforeAll(async () => {
    dir = await copyFixtures([AI, CAMERA]);
    state = await tempDir();
    before = await checksums(dir);
    env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
  });
  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('are catalog rows beside AI System Used and AI Prompt, XMP only, shown only for AI types', () => {
    const row = (key: string): FieldSpec => FIELDS.find((f) => f.key === key)!;
    const keys = FIELDS.map((f) => f.key as string);
    expect(keys.slice(keys.indexOf('aiSystemUsed'), keys.indexOf('aiSystemUsed') + 4)).toEqual([
      'aiSystemUsed',
      'aiSystemVersionUsed',
      'aiPrompt',
      'aiPromptWriterName',
    ]);
    for (const [key, property, flag] of [
      ['aiSystemVersionUsed', 'AISystemVersionUsed', 'ai-system-version'],
      ['aiPromptWriterName', 'AIPromptWriterName', 'ai-prompt-writer'],
    ] as const) {
      expect(row(key)).toMatchObject({
        kind: 'text',
        iim: null,
        xmp: { ns: 'Iptc4xmpExt', property, shape: 'simple' },
        exif: null,
        template: false,
        cli: { flag },
        exported: true,
        shownWhen: { field: 'digitalSourceType', oneOf: AI_SOURCE_TYPE_URIS },
      });
      expect(row(key).shownWhen).toEqual(row('aiSystemUsed').shownWhen);
    }
  });

  it('are set from the CLI by their flags and kept in the sidecar', async () => {
    const r = await runCli(
      [
        'caption',
        dir,
        AI,
        '--text',
        'Ảnh minh hoạ do AI tạo.',
        '--digital-source-type',
        'trainedAlgorithmicMedia',
        '--ai-system',
        'Stable Diffusion XL',
        '--ai-system-version',
        VERSION,
        '--ai-prompt',
        'terraced rice fields at dawn',
        '--ai-prompt-writer',
        WRITER,
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readSidecar(dir, AI))?.fields).toMatchObject({
      aiSystemUsed: 'Stable Diffusion XL',
      aiSystemVersionUsed: VERSION,
      aiPromptWriterName: WRITER,
    });
  });

  it('travel in the manifest and the exported JPEG’s XMP, only for the photo that has them', async () => {
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
    const article = await importAiArticle(core, dir, AI, [
      { type: 'photo', source: CAMERA, caption: HARVEST_CAPTION },
    ]);
    const out = join(state, 'pkg.zip');
    await core.api.buildPackage({ folder: dir, articleId: article.id, out, outlet: 'baolaocai' });
    expect(await core.api.verifyPackage({ path: out })).toEqual({ ok: true, problems: [] });
    const zip = await openZip(out);
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const jpeg: Record<string, string> = {};
    await mkdir(join(state, 'x'), { recursive: true });
    for (const p of manifest.photos) {
      jpeg[p.source.file] = join(state, 'x', `${p.id}.jpg`);
      await writeFile(jpeg[p.source.file]!, await zip.read(p.file));
    }
    await zip.close();

    const by = (f: string) => manifest.photos.find((p) => p.source.file === f)!;
    expect(by(AI)).toMatchObject({ aiSystemVersionUsed: VERSION, aiPromptWriterName: WRITER });
    expect(by(CAMERA)).toMatchObject({ aiSystemVersionUsed: null, aiPromptWriterName: null });

    const ai = await readPhoto(jpeg[AI]!, 'ai.jpg');
    expect(ai.xmp.aiSystemVersionUsed).toBe(VERSION);
    expect(ai.xmp.aiPromptWriterName).toBe(WRITER);
    const camera = await readPhoto(jpeg[CAMERA]!, 'camera.jpg');
    expect(camera.xmp.aiSystemVersionUsed).toBeUndefined();
    expect(camera.xmp.aiPromptWriterName).toBeUndefined();
    expect(await checksums(dir)).toEqual(before);

    if (!hasExiftool) return;
    // An independent reader: ExifTool names the IPTC Extension properties as they are written.
    const [tagsAi, tagsCamera] = await exiftool([jpeg[AI]!, jpeg[CAMERA]!], ['-XMP-iptcExt:all']);
    expect(tagsAi!['XMP-iptcExt:AISystemVersionUsed']).toBe(VERSION);
    expect(tagsAi!['XMP-iptcExt:AIPromptWriterName']).toBe(WRITER);
    expect(Object.keys(tagsCamera!).filter((k) => /AISystem|AIPrompt/.test(k))).toEqual([]);
  });
});
