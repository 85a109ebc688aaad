import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../contract/package-manifest';
import { articleBlocks, blockAttrs } from './wp-blocks';

const photo = (id: string, caption: string, altText: string | null) => ({
  id,
  file: `photos/${id}.jpg`,
  caption,
  byline: null,
  credit: null,
  altText,
  bytes: 1,
  width: 10,
  height: 10,
  sha256: '0'.repeat(64),
  source: { file: `${id}.JPG`, sha256: '0'.repeat(64) },
});

const manifest = {
  article: {
    headline: 'H',
    sapo: 'S',
    byline: 'Tùng Lâm',
    body: [
      { type: 'paragraph', id: 'b1', text: 'Dòng một\nDòng <hai> & "ba"' },
      { type: 'photo', id: 'b2', photo: 'p1', caption: 'Quang cảnh -- hội nghị.' },
      { type: 'gallery', id: 'b3', photos: ['p2', 'p3'], caption: 'Chung một chú thích.' },
    ],
  },
  photos: [
    photo('p1', 'Quang cảnh', 'Hội trường đông người'),
    photo('p2', 'Chung một chú thích.', null),
    photo('p3', 'Ảnh riêng', 'Người phát biểu'),
  ],
} as unknown as Manifest;

type Parsed = {
  blockName: string | null;
  attrs: Record<string, unknown>;
  innerBlocks: Parsed[];
  innerHTML: string;
};

describe('the article as WordPress blocks', () => {
  const html = articleBlocks(manifest, (p) => ({
    id: Number(p.id.slice(1)) * 10,
    url: `https://x.vn/${p.id}.jpg`,
  }));
  const blocks = (parse(html) as Parsed[]).filter((b) => b.blockName);

  it('reads back in Gutenberg’s own parser as paragraph, image, gallery of images, byline', () => {
    expect(blocks.map((b) => b.blockName)).toEqual([
      'core/paragraph',
      'core/image',
      'core/gallery',
      'core/paragraph',
    ]);
    expect(blocks[2]!.innerBlocks.map((b) => b.attrs.id)).toEqual([20, 30]);
    expect(blocks[1]!.attrs).toEqual({ id: 10, sizeSlug: 'full', linkDestination: 'none' });
  });

  it('escapes text, keeps line breaks, and gives each gallery photo its own alt', () => {
    expect(blocks[0]!.innerHTML).toContain('Dòng một<br>Dòng &lt;hai&gt; &amp; &quot;ba&quot;');
    expect(blocks[1]!.innerHTML).toContain('alt="Hội trường đông người"');
    expect(blocks[1]!.innerHTML).toContain('Quang cảnh -- hội nghị.</figcaption>');
    // p2 has no alt text and its caption is the gallery's: no alt rather than the shared words.
    expect(blocks[2]!.innerBlocks[0]!.innerHTML).toContain('alt=""');
    expect(blocks[2]!.innerBlocks[1]!.innerHTML).toContain('alt="Người phát biểu"');
    expect(blocks[2]!.innerHTML).toContain(
      'blocks-gallery-caption wp-element-caption">Chung một chú thích.',
    );
    expect(blocks[3]!.innerHTML).toContain('<strong>Tùng Lâm</strong>');
  });

  it('writes attributes that cannot end the block comment', () => {
    const attrs = blockAttrs({ caption: 'a --> <b> & "c"' });
    expect(attrs).not.toMatch(/--|<|>|&/);
    expect(JSON.parse(attrs)).toEqual({ caption: 'a --> <b> & "c"' });
    expect(blockAttrs({})).toBe('');
  });
});
