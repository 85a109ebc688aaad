/**
 * A short article the CLI tests import: a paragraph and a gallery of two camera files,
 * renamed the way the seed article names them.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

/** Camera names in the event folder → the fixture each is a copy of. */
export const GALLERY_PHOTOS: Record<string, string> = {
  'DSC-2409.JPG': 'canon-eos350d-progressive.jpg',
  'DSC-2419.JPG': 'fujifilm-s2pro-iptc-caption.jpg',
};

/** The structure.json `article import` reads. */
export const GALLERY_ARTICLE = {
  headline: 'Hội nghị Ban Chấp hành',
  sapo: 'Chiều 26/12, tại Lào Cai.',
  byline: 'Tùng Lâm',
  body: [
    { type: 'paragraph', text: 'Dự hội nghị có các đồng chí lãnh đạo tỉnh.' },
    {
      type: 'gallery',
      photos: [{ source: 'DSC-2419.JPG' }, { source: 'DSC-2409.JPG' }],
      caption: 'Quang cảnh hội nghị (ảnh trên).',
    },
  ],
};

/** Copies of the gallery's photos into `dir` (the originals are never touched). */
export async function copyGalleryPhotos(dir: string): Promise<void> {
  for (const [name, source] of Object.entries(GALLERY_PHOTOS))
    await cp(join(FIXTURES, source), join(dir, name));
}
