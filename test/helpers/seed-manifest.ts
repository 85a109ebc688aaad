/**
 * The package manifest of the real seed article (Báo Lào Cai, 26/12/2024), built from
 * shared/examples/baolaocai-2024-12-26/structure.json. Checksums, sizes and dimensions are
 * fake but well-formed; everything a reader sees (text, captions, order) is the article's own.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO } from './fixtures';
import {
  MANIFEST_SCHEMA_ID,
  MANIFEST_SCHEMA_VERSION,
  manifestSchema,
  type Manifest,
  type ManifestBlock,
  type ManifestPhoto,
} from '../../electron/contract/package-manifest';

export const SEED_DIR = resolve(REPO, '../shared/examples/baolaocai-2024-12-26');
export const SEED_PACKAGE_ID = '3f6c1a2e-8b4d-4c7a-9e15-2d0b6a7c9f31';
export const SEED_BYLINE = 'Tùng Lâm';
export const SEED_CREDIT = 'Báo Lào Cai';

interface SeedPhoto {
  source: string;
  expectedExportName: string;
}
type SeedBlock =
  | { type: 'paragraph'; text: string }
  | ({ type: 'photo'; caption: string } & SeedPhoto)
  | { type: 'gallery'; caption: string; photos: SeedPhoto[] };

export interface SeedStructure {
  outlet: string;
  authorInitials: string;
  date: string;
  place: { city: string };
  headline: string;
  sapo: string;
  body: SeedBlock[];
}

export function seedStructure(): SeedStructure {
  return JSON.parse(readFileSync(resolve(SEED_DIR, 'structure.json'), 'utf8')) as SeedStructure;
}

const fakeSha = (what: string) => createHash('sha256').update(what).digest('hex');

export function seedManifest(): Manifest {
  const s = seedStructure();
  const photos: ManifestPhoto[] = [];
  const add = (p: SeedPhoto, caption: string): string => {
    const id = `p${photos.length + 1}`;
    photos.push({
      id,
      file: `photos/${p.expectedExportName}`,
      caption,
      byline: SEED_BYLINE,
      credit: SEED_CREDIT,
      bytes: 400_000 + photos.length * 1_000,
      width: 2048,
      height: 1365,
      sha256: fakeSha(`export:${p.expectedExportName}`),
      source: { file: p.source, sha256: fakeSha(`source:${p.source}`) },
    });
    return id;
  };
  const body = s.body.map((b, i): ManifestBlock => {
    const id = `b${i + 1}`;
    if (b.type === 'paragraph') return { type: 'paragraph', id, text: b.text };
    if (b.type === 'photo')
      return { type: 'photo', id, photo: add(b, b.caption), caption: b.caption };
    // Each gallery photo carries the group caption, as the reporter's IPTC would.
    return {
      type: 'gallery',
      id,
      photos: b.photos.map((p) => add(p, b.caption)),
      caption: b.caption,
    };
  });
  return manifestSchema.parse({
    $schema: MANIFEST_SCHEMA_ID,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    packageId: SEED_PACKAGE_ID,
    version: 1,
    createdAt: '2024-12-26T17:00:00+07:00',
    app: { name: 'CaptionDesk', version: '0.1.0' },
    author: { name: SEED_BYLINE, initials: s.authorInitials },
    outlet: s.outlet,
    article: {
      id: 'baolaocai-2024-12-26',
      headline: s.headline,
      sapo: s.sapo,
      byline: SEED_BYLINE,
      authorInitials: s.authorInitials,
      category: '',
      dateline: { place: s.place.city, date: s.date },
      body,
    },
    photos,
    files: [],
    history: [],
    comments: [],
  });
}

/** What a reader meets, top to bottom: headline, sapo, then each paragraph and caption. */
export function readingOrder(m: Manifest): string[] {
  return [
    m.article.headline,
    m.article.sapo,
    ...m.article.body.map((b) => (b.type === 'paragraph' ? b.text : b.caption)),
  ];
}
