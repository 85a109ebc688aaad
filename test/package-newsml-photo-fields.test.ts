/**
 * The newer IPTC photo fields, set in the core as the editor sets them, reach newsml.xml of a
 * real package: each photo's Digital Source Type (a camera file's digitalCapture read from its
 * EXIF, an AI picture's as set), its alt text and extended description after its caption; the
 * AI system and prompt stay out (G2 has no property for them), and the file stays valid.
 */
import { join, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import type { Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../electron/core/app-core-types';
import type { Manifest } from '../electron/contract/package-manifest';
import { openZip } from '../electron/core/zip';
import { ALT_TEXT_ROLE, EXT_DESCRIPTION_ROLE } from '../electron/core/package/render-newsml';
import {
  HAS_XMLLINT,
  itemClass,
  items,
  kid,
  kids,
  parseXml,
  xmllint,
} from '../electron/core/package/testing/newsml-dom';
import { coreIn } from './helpers/fixture-core';
import { copyFixtures, REPO, tempDir } from './helpers/fixtures';
import { HARVEST_CAPTION, importAiArticle } from './helpers/ai-article';

const AI = 'canon-s40-no-exif.jpg';
const FUJI = 'fujifilm-s2pro-iptc-caption.jpg';
const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const ALT_AI = 'Hình minh hoạ: ruộng bậc thang & "mây" <giả lập>';
const ALT_FUJI = 'Người dân gặt lúa trên ruộng bậc thang ở Y Tý.';
const EXT_FUJI = 'Ba người phụ nữ cúi gặt lúa ở tiền cảnh.\nPhía sau là các thửa ruộng vàng.';
const PROMPT = 'terraced rice fields in Lào Cai at dawn, photorealistic';
const XSD_DIR = resolve(REPO, '../shared/standards/newsml-g2');

describe('the newer photo fields in a package’s newsml.xml', () => {
  let dir: string;
  let state: string;
  let core: Core;
  let manifest: Manifest;
  let xml: string;
  let picture: (source: string) => Element;

  beforeAll(async () => {
    dir = await copyFixtures([AI, FUJI]);
    state = await tempDir();
    core = coreIn(state);
    await core.api.openFolder({ path: dir });
    await core.api.setFields({
      folder: dir,
      files: [AI],
      fields: {
        altText: ALT_AI,
        digitalSourceType: `${DST}trainedAlgorithmicMedia`,
        aiSystemUsed: 'Stable Diffusion XL',
        aiPrompt: PROMPT,
      },
      culling: {},
    });
    await core.api.setFields({
      folder: dir,
      files: [FUJI],
      fields: { altText: ALT_FUJI, extDescription: EXT_FUJI },
      culling: {},
    });
    const article = await importAiArticle(core, dir, AI, [
      { type: 'paragraph', text: 'Người dân xuống đồng từ sáng sớm.' },
      { type: 'photo', source: FUJI, caption: HARVEST_CAPTION },
    ]);
    const out = join(state, 'pkg.zip');
    await core.api.buildPackage({ folder: dir, articleId: article.id, out, outlet: 'baolaocai' });
    const zip = await openZip(out);
    try {
      manifest = JSON.parse((await zip.read('manifest.json')).toString('utf8')) as Manifest;
      xml = (await zip.read('newsml.xml')).toString('utf8');
    } finally {
      await zip.close();
    }
    const doc = parseXml(xml);
    picture = (source) => {
      const file = manifest.photos.find((p) => p.source.file === source)!.file;
      return items(doc).find(
        (i) =>
          itemClass(i) === 'ninat:picture' &&
          i.getElementsByTagName('remoteContent')[0]!.getAttribute('href') === file,
      )!;
    };
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  const descriptions = (item: Element) =>
    kids(kid(item, 'contentMeta'), 'description').map((d) => [
      d.getAttribute('role'),
      d.textContent,
    ]);
  const sourceType = (item: Element) =>
    kid(kid(item, 'contentMeta'), 'digitalSourceType').getAttribute('uri');

  it('gives the camera photo digitalCapture, its caption, then its alt text and extended description', () => {
    const fuji = picture(FUJI);
    expect(sourceType(fuji)).toBe(`${DST}digitalCapture`);
    expect(descriptions(fuji)).toEqual([
      ['drol:caption', HARVEST_CAPTION],
      [ALT_TEXT_ROLE, ALT_FUJI],
      [EXT_DESCRIPTION_ROLE, EXT_FUJI],
    ]);
  });

  it('marks the AI picture by its source type, with its alt text, and writes neither system nor prompt', () => {
    const ai = picture(AI);
    expect(sourceType(ai)).toBe(`${DST}trainedAlgorithmicMedia`);
    expect(descriptions(ai)).toEqual([
      ['drol:caption', 'Ảnh minh hoạ do AI tạo.'],
      [ALT_TEXT_ROLE, ALT_AI],
    ]);
    // They are in the manifest and the JPEG's XMP, but G2 has no place for them.
    expect(manifest.photos.find((p) => p.source.file === AI)!.aiPrompt).toBe(PROMPT);
    expect(xml).not.toContain('Stable Diffusion');
    expect(xml).not.toContain('photorealistic');
  });

  it.skipIf(!HAS_XMLLINT)('stays valid against the 2.34 and 2.35 schemas', () => {
    for (const version of ['2.34', '2.35']) {
      const xsd = join(XSD_DIR, `NewsML-G2_${version}-spec-All-Power.xsd`);
      const r = xmllint(xml, ['--nonet', '--schema', xsd]);
      expect(r.stderr.trim(), version).toBe(`${r.file} validates`);
      expect(r.status).toBe(0);
    }
  });
});
