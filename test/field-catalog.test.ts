/**
 * One catalog row drives a field end to end: IPTC's Alt Text (Accessibility), added as a
 * row of common/fields/catalog.ts and its two labels, nothing else. Through the real core
 * and the real CLI on a copy of a fixture: the CLI flag the catalog derives sets it, it lands
 * in the XMP sidecar, the listing reads it back, its advised length is checked, and a
 * package's JPEG carries it where exiftool reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fieldSpec } from '../common/fields/catalog';
import { FIELD_BUDGETS } from '../common/text/byte-budget';
import { fieldsSchema, photoSchema, templateSchema } from '../electron/contract/api';
import { commands } from '../electron/cli/commands';
import { FIELD_FLAGS } from '../electron/cli/field-flags';
import { createCore } from '../electron/core/app-core';
import type { Core } from '../electron/core/app-core-types';
import { readSidecar } from '../electron/core/metadata/sidecar';
import { readPhoto } from '../electron/core/metadata/read-photo';
import { openZip } from '../electron/core/zip';
import type { Manifest } from '../electron/contract/package-manifest';
import { checksums, copyFixtures, tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { runCli as cli } from './helpers/run-cli';

const FILE = 'canon-eos1300d-18mp.jpg';
const ALT = 'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị ở Lào Cai, phía sau là cờ đỏ.';
const TAG = 'XMP-iptcCore:AltTextAccessibility';

describe('the field catalog drives one field end to end (altText)', () => {
  let dir: string;
  let state: string;
  let env: Record<string, string>;
  let before: Map<string, string>;
  let core: Core | undefined;

  beforeAll(async () => {
    dir = await copyFixtures([FILE]);
    state = await tempDir();
    env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    before = await checksums(dir);
  });
  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('gets its schema members, budget and CLI flag from its row', () => {
    const spec = fieldSpec('altText')!;
    expect(spec.xmp).toEqual({
      ns: 'Iptc4xmpCore',
      property: 'AltTextAccessibility',
      shape: 'langAlt',
    });
    expect(spec.iim).toBeNull();
    // NFC at the boundary, as every text field.
    expect(fieldsSchema.parse({ altText: ALT.normalize('NFD') })).toEqual({ altText: ALT });
    expect(Object.keys(photoSchema.shape)).toContain('altText');
    expect(Object.keys(templateSchema.shape)).not.toContain('altText');
    expect(FIELD_BUDGETS.altText).toEqual({ unit: 'chars', limit: 250, each: false });
    expect(FIELD_FLAGS).toContainEqual({ field: 'altText', flag: 'alt-text' });
    expect(Object.keys(commands.find((c) => c.name === 'caption')!.options)).toContain('alt-text');
  });

  it('is set by the CLI flag and lands in the XMP sidecar, as a lang-alt exiftool reads', async () => {
    const r = await cli(['caption', dir, FILE, '--alt-text', ALT.normalize('NFD')], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sidecar = await readSidecar(dir, FILE);
    expect(sidecar?.fields.altText).toBe(ALT);
    expect(sidecar!.packet).toMatch(
      /<Iptc4xmpCore:AltTextAccessibility>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">/,
    );
    if (hasExiftool) expect((await exiftool([sidecar!.path]))[0]![TAG]).toBe(ALT);
  });

  it('reads back in listPhotos, and a text over the advised 250 characters is flagged', async () => {
    core = createCore({
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: dir,
      mode: 'cli',
      version: 't',
    });
    await core.api.openFolder({ path: dir });
    const [photo] = await core.api.listPhotos({ folder: dir });
    expect(photo!.altText).toBe(ALT);
    expect(photo!.metadataSources.altText).toBe('sidecar');
    expect(photo!.issues.find((i) => i.code === 'overBudget')).toBeUndefined();

    // The caption checks (the budgets among them) run on a photo that has a caption.
    const long = 'ả'.repeat(251);
    const [over] = await core.api.setFields({
      folder: dir,
      files: [FILE],
      fields: { caption: 'Quang cảnh hội nghị ở Lào Cai ngày 26/12.', altText: long },
      culling: {},
    });
    expect(over!.altText).toBe(long);
    expect(over!.issues).toContainEqual({
      code: 'overBudget',
      detail: { field: 'altText', used: 251, limit: 250, unit: 'chars' },
    });
    const [back] = await core.api.setFields({
      folder: dir,
      files: [FILE],
      fields: { altText: ALT },
      culling: {},
    });
    expect(back!.altText).toBe(ALT);
  });

  it('is embedded into the JPEG of a package built from the photo', async () => {
    const article = await core!.api.importArticle({
      folder: dir,
      structure: {
        headline: 'Hội nghị Ban Chấp hành',
        sapo: '',
        body: [{ type: 'photo', source: FILE, caption: 'Quang cảnh hội nghị.' }],
      },
    });
    const out = join(state, 'out', 'alt.zip');
    await core!.api.buildPackage({
      folder: dir,
      articleId: article.id,
      out,
      outlet: 'baolaocai',
      initials: 'tl',
    });
    const zip = await openZip(out);
    const manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
    const jpegPath = join(state, 'exported.jpg');
    await mkdir(state, { recursive: true });
    await writeFile(jpegPath, await zip.read(manifest.photos[0]!.file));
    await zip.close();

    const read = await readPhoto(jpegPath, 'exported.jpg');
    expect(read.xmp.altText).toBe(ALT);
    if (hasExiftool) {
      const [tags] = await exiftool([jpegPath], [`-${TAG}`]);
      expect(tags![TAG]).toBe(ALT);
    }
  });

  it('never touched the original', async () => {
    expect(await checksums(dir)).toEqual(before);
  });
});
