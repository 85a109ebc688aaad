/** The real seed article (Báo Lào Cai, 26/12/2024) in an event folder, and its package. */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../electron/contract/article';
import type { Core } from '../../electron/core/app-core-types';
import { FIXTURES, REPO, tempDir } from './fixtures';

export const STRUCTURE = join(REPO, '../shared/examples/baolaocai-2024-12-26/structure.json');

/** Camera file names of the seed article, each a copy of a real fixture with its quirks. */
export const SEED_SOURCES: Record<string, string> = {
  'DSC-2403.JPG': 'canon-eos1300d-18mp.jpg',
  'DSC-2409.JPG': 'leica-t-orient8.jpg',
  'DSC-2419.JPG': 'canon-eos1000d-orient6.jpg',
  'DSC-2437.JPG': 'iphone5-orient3-gps.jpg',
  'DSC-2460.JPG': 'samsung-j327t1-orient6.jpg',
  'DSC-2465.JPG': 'fujifilm-s2pro-iptc-caption.jpg',
  'DSC-2470.JPG': 'iptc-reference-nikon-d2x.jpg',
  'DSC-2484.JPG': 'nikon-d3s-lightroom-iptc.jpg',
  'DSC-2496.JPG': 'cmyk-photoshop.jpg',
};

export async function seedFolder(): Promise<string> {
  const dir = await tempDir('captiondesk-seed-');
  for (const [name, src] of Object.entries(SEED_SOURCES))
    await cp(join(FIXTURES, src), join(dir, name));
  return dir;
}

export async function seedStructureJson(): Promise<{ headline: string; sapo: string }> {
  return JSON.parse(await readFile(STRUCTURE, 'utf8')) as { headline: string; sapo: string };
}

/**
 * The steps a reporter takes: open the folder, import structure.json, credit the photos,
 * sign the article, package it to `out` (with the export `options` given). Returns the
 * article id and where the zip went.
 */
export async function packageSeed(
  core: Core,
  dir: string,
  out: string,
  options: {
    newsmlBaseUrl?: string;
    /** More of the article the reporter fills in (category, tags, …). */
    article?: Partial<Article>;
  } = {},
): Promise<{ articleId: string; path: string }> {
  await core.api.openFolder({ path: dir });
  const article = await core.api.importArticle({
    folder: dir,
    structure: await seedStructureJson(),
  });
  await core.api.setFields({
    folder: dir,
    files: Object.keys(SEED_SOURCES),
    fields: { credit: 'Báo Lào Cai', byline: ['Tùng Lâm'], city: 'Lào Cai', country: 'Việt Nam' },
    culling: {},
  });
  const a = await core.api.getArticle({ folder: dir, id: article.id });
  await core.api.saveArticle({
    folder: dir,
    article: { ...a, byline: 'Tùng Lâm', authorInitials: 'tl', ...options.article },
  });
  const built = await core.api.buildPackage({
    folder: dir,
    articleId: article.id,
    out,
    outlet: 'baolaocai',
    initials: 'tl',
    ...(options.newsmlBaseUrl === undefined ? {} : { newsmlBaseUrl: options.newsmlBaseUrl }),
  });
  return { articleId: article.id, path: built.path };
}

/**
 * The seed's headline and sapo over two of its photos (DSC-2460, DSC-2496): a small
 * article for tests that build many packages.
 */
export async function twoPhotoSeedStructure() {
  const seed = await seedStructureJson();
  return {
    headline: seed.headline,
    sapo: seed.sapo,
    body: [
      { type: 'paragraph' as const, text: 'Dự hội nghị có lãnh đạo Liên đoàn Lao động tỉnh.' },
      { type: 'photo' as const, source: 'DSC-2460.JPG', caption: 'Quang cảnh hội nghị.' },
      { type: 'photo' as const, source: 'DSC-2496.JPG', caption: 'Đại biểu phát biểu.' },
    ],
  };
}

/** A web-sized preset of the seed's outlet, small so that tests which build many packages stay fast. */
export function smallPreset(name: string, longEdge: number) {
  return {
    name,
    longEdge,
    quality: 80,
    stripGps: true,
    naming: '{outlet}-{initials}_{fbas}',
    outlet: 'baolaocai',
    initials: 'tl',
    maxNameLength: 80,
  };
}
