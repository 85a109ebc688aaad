/**
 * Issue 11's accessibility and provenance fields through the real core and a real package, on
 * copies of fixtures: each photo's alt text is the alt of its image in article.html (a
 * gallery's photos each their own), the checks warn on a photo without one, the Digital Source
 * Type travels as its IPTC URI (a camera file's digitalCapture by default), and the AI fields
 * are embedded only where they were set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Core } from '../electron/core/app-core-types';
import { readPhoto } from '../electron/core/metadata/read-photo';
import { openZip } from '../electron/core/zip';
import type { Manifest } from '../electron/contract/package-manifest';
import { eventSchema, fieldsSchema } from '../electron/contract/api';
import { coreIn } from './helpers/fixture-core';
import { checksums, copyFixtures, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { runCli } from './helpers/run-cli';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { HARVEST_CAPTION, importAiArticle } from './helpers/ai-article';

const AI = 'canon-s40-no-exif.jpg';
const FUJI = 'fujifilm-s2pro-iptc-caption.jpg';
const CANON = 'canon-eos350d-progressive.jpg';
const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const ALT_AI = 'Hình minh hoạ: cánh đồng lúa bậc thang & "mây" <giả lập>';
const ALT_FUJI = 'Người dân gặt lúa trên ruộng bậc thang ở Y Tý.';
const PROMPT = 'terraced rice fields in Lào Cai at dawn, photorealistic';

describe('alt text, source type and AI fields through a package', () => {
  let dir: string;
  let state: string;
  let before: Map<string, string>;
  let core: Core;
  let articleId: string;
  let manifest: Manifest;
  let html: string;
  const jpeg: Record<string, string> = {};

  beforeAll(async () => {
    dir = await copyFixtures([AI, FUJI, CANON]);
    state = await tempDir();
    before = await checksums(dir);
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
  });
  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('reads a camera file as digitalCapture and takes a bare code as the URI', async () => {
    const listed = await core.api.listPhotos({ folder: dir });
    const by = (f: string) => listed.find((p) => p.file === f)!;
    expect(by(FUJI).digitalSourceType).toBe(`${DST}digitalCapture`);
    expect(by(FUJI).metadataSources.digitalSourceType).toBe('exif');
    // No EXIF: no camera to vouch for it.
    expect(by(AI).digitalSourceType).toBeNull();

    // The contract (what the CLI and the window go through) turns the code into its URI.
    const [ai] = await core.api.setFields({
      folder: dir,
      files: [AI],
      fields: fieldsSchema.parse({
        altText: ALT_AI,
        digitalSourceType: 'trainedAlgorithmicMedia',
        aiSystemUsed: 'Stable Diffusion XL',
        aiPrompt: PROMPT,
      }),
      culling: {},
    });
    expect(ai!.digitalSourceType).toBe(`${DST}trainedAlgorithmicMedia`);
    await core.api.setFields({
      folder: dir,
      files: [FUJI],
      fields: { altText: ALT_FUJI },
      culling: {},
    });
    const bad = fieldsSchema.safeParse({ digitalSourceType: 'madeUp' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/not a digitalSourceType term/);
    expect(fieldsSchema.parse({ digitalSourceType: `${DST}virtualRecording` })).toEqual({
      digitalSourceType: `${DST}virtualRecording`,
    });
  });

  it('warns on the one photo without alt text, as a check that names it', async () => {
    const article = await importAiArticle(core, dir, AI, [
      { type: 'paragraph', text: 'Người dân xuống đồng từ sáng sớm.' },
      {
        type: 'gallery',
        caption: HARVEST_CAPTION,
        photos: [{ source: FUJI }, { source: CANON }],
      },
    ]);
    articleId = article.id;
    const issues = await core.api.articleChecks({ folder: dir, id: articleId });
    const noAlt = issues.filter((i) => i.code === 'noAltText');
    expect(noAlt.map((i) => i.file)).toEqual([CANON]);
  });

  it('gives each image of article.html its own alt text, in the gallery too', async () => {
    const out = join(state, 'out', 'alt.zip');
    await core.api.buildPackage({
      folder: dir,
      articleId,
      out,
      outlet: 'baolaocai',
      initials: 'tl',
    });
    // The verifier reads the manifest with its new fields, and the photos they describe, as whole.
    expect(await core.api.verifyPackage({ path: out })).toEqual({ ok: true, problems: [] });
    const zip = await openZip(out);
    manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    html = (await zip.read('article.html')).toString('utf8');
    await mkdir(join(state, 'x'), { recursive: true });
    for (const p of manifest.photos) {
      jpeg[p.source.file] = join(state, 'x', `${p.id}.jpg`);
      await writeFile(jpeg[p.source.file]!, await zip.read(p.file));
    }
    await zip.close();

    const doc = new DOMParser().parseFromString(html, 'text/html');
    const alts = Array.from(doc.getElementsByTagName('img')).map((i) => i.getAttribute('alt'));
    // The gallery's second photo has no alt text and no caption of its own: not the shared one.
    expect(alts).toEqual([ALT_AI, ALT_FUJI, '']);
    expect(html).not.toContain('<giả lập>');
  });

  it('carries the fields in the manifest, per photo', () => {
    const by = (f: string) => manifest.photos.find((p) => p.source.file === f)!;
    expect(by(AI)).toMatchObject({
      altText: ALT_AI,
      digitalSourceType: `${DST}trainedAlgorithmicMedia`,
      aiSystemUsed: 'Stable Diffusion XL',
      aiPrompt: PROMPT,
    });
    expect(by(FUJI)).toMatchObject({
      altText: ALT_FUJI,
      digitalSourceType: `${DST}digitalCapture`,
      aiSystemUsed: null,
      aiPrompt: null,
    });
    expect(by(CANON).altText).toBeNull();
  });

  it('embeds the source type URI, and the AI fields only where they were set', async () => {
    const ai = await readPhoto(jpeg[AI]!, 'ai.jpg');
    expect(ai.xmp.altText).toBe(ALT_AI);
    expect(ai.xmp.digitalSourceType).toBe(`${DST}trainedAlgorithmicMedia`);
    expect(ai.xmp.aiSystemUsed).toBe('Stable Diffusion XL');
    expect(ai.xmp.aiPrompt).toBe(PROMPT);
    const fuji = await readPhoto(jpeg[FUJI]!, 'fuji.jpg');
    expect(fuji.xmp.digitalSourceType).toBe(`${DST}digitalCapture`);
    expect(fuji.xmp.aiSystemUsed).toBeUndefined();
    expect(fuji.xmp.aiPrompt).toBeUndefined();
    if (!hasExiftool) return;
    const tags = await exiftool([jpeg[AI]!, jpeg[FUJI]!, jpeg[CANON]!], ['-XMP-iptcExt:all']);
    expect(tags.map((t) => t['XMP-iptcExt:DigitalSourceType'])).toEqual([
      `${DST}trainedAlgorithmicMedia`,
      `${DST}digitalCapture`,
      `${DST}digitalCapture`,
    ]);
    // ExifTool 12.57 predates IPTC 2025 and names unknown properties of the namespace itself.
    expect(tags[0]!['XMP-iptcExt:AISystemUsed']).toBe('Stable Diffusion XL');
    expect(tags[0]!['XMP-iptcExt:AIPromptInformation']).toBe(PROMPT);
    for (const t of tags.slice(1)) {
      expect(Object.keys(t).filter((k) => /AISystem|AIPrompt/.test(k))).toEqual([]);
    }
  });

  it('never touched the originals', async () => {
    expect(await checksums(dir)).toEqual(before);
  });
});

describe('the new fields from the CLI', () => {
  let dir: string;
  let state: string;
  beforeAll(async () => {
    dir = await copyFixtures([AI]);
    state = await tempDir();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('sets them by the catalog’s flags, a source type by its code, and refuses a code that is no term', async () => {
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    const ok = await runCli(
      [
        'caption',
        dir,
        AI,
        '--digital-source-type',
        'compositeWithTrainedAlgorithmicMedia',
        '--ai-system',
        'Firefly 3',
        '--ai-prompt',
        PROMPT,
        '--ext-description',
        'Một cánh đồng lúa chín vàng, phía xa là núi.',
      ],
      env,
    );
    expect(ok.stderr).toBe('');
    expect((await readSidecar(dir, AI))?.fields).toMatchObject({
      digitalSourceType: `${DST}compositeWithTrainedAlgorithmicMedia`,
      aiSystemUsed: 'Firefly 3',
      aiPrompt: PROMPT,
      extDescription: 'Một cánh đồng lúa chín vàng, phía xa là núi.',
    });
    const bad = await runCli(['caption', dir, AI, '--digital-source-type', 'photo'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not a digitalSourceType term/);
    expect((await readSidecar(dir, AI))?.fields.digitalSourceType).toBe(
      `${DST}compositeWithTrainedAlgorithmicMedia`,
    );
  });
});

describe('the source type in the event template', () => {
  let dir: string;
  let state: string;
  let core: Core;
  beforeAll(async () => {
    dir = await copyFixtures([AI, FUJI]);
    state = await tempDir();
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
  });
  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('reads an event saved before it as empty and not applied, and applies a code as its URI', async () => {
    const event = await core.api.getEvent({ folder: dir });
    const { digitalSourceType, ...older } = event.template;
    expect(digitalSourceType).toEqual({ value: '', apply: false });
    const old = eventSchema.parse({ ...event, template: older });
    expect(old.template.digitalSourceType).toEqual({ value: '', apply: false });

    const scans = eventSchema.parse({
      ...event,
      template: { ...older, digitalSourceType: { value: 'print', apply: true } },
    });
    expect(scans.template.digitalSourceType.value).toBe(`${DST}print`);
    expect(
      eventSchema.safeParse({
        ...event,
        template: { ...older, digitalSourceType: { value: 'scan', apply: true } },
      }).success,
    ).toBe(false);
    await core.api.saveEvent({ folder: dir, event: scans });
    await core.api.applyTemplate({ folder: dir, files: [AI, FUJI] });
    const listed = await core.api.listPhotos({ folder: dir });
    expect(listed.map((p) => [p.file, p.digitalSourceType])).toEqual(
      [AI, FUJI].sort().map((f) => [f, `${DST}print`]),
    );
  });
});
