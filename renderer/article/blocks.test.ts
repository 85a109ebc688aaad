import { describe, expect, it } from 'vitest';
import {
  addToGallery,
  blocksReducer,
  canMerge,
  gapAfter,
  insertBlocks,
  joinParagraphWithPrevious,
  mergeIntoGallery,
  moveBlockBy,
  moveBlockToGap,
  newBlockId,
  photosInArticleOrder,
  photoUses,
  removeBlock,
  removeFromGallery,
  setGalleryCaption,
  setParagraphText,
  splitGallery,
  splitParagraph,
  type Block,
} from './blocks';

const p = (id: string, text = id): Block => ({ id, type: 'paragraph', text });
const ph = (id: string, file: string): Block => ({ id, type: 'photo', file });
const g = (id: string, files: string[], caption = ''): Block => ({
  id,
  type: 'gallery',
  files,
  caption,
});
const ids = (body: Block[]) => body.map((b) => b.id);

const seq = (prefix = 'n') => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

describe('insert', () => {
  const body = [p('a'), p('b')];

  it('puts blocks into the gap asked for', () => {
    expect(ids(insertBlocks(body, 0, [ph('x', 'X.JPG')]))).toEqual(['x', 'a', 'b']);
    expect(ids(insertBlocks(body, 1, [ph('x', 'X.JPG')]))).toEqual(['a', 'x', 'b']);
    expect(ids(insertBlocks(body, 2, [ph('x', 'X.JPG'), ph('y', 'Y.JPG')]))).toEqual([
      'a',
      'b',
      'x',
      'y',
    ]);
  });

  it('clamps a gap outside the list and never mutates the input', () => {
    expect(ids(insertBlocks(body, 99, [p('x')]))).toEqual(['a', 'b', 'x']);
    expect(ids(insertBlocks(body, -3, [p('x')]))).toEqual(['x', 'a', 'b']);
    expect(ids(body)).toEqual(['a', 'b']);
    expect(insertBlocks(body, 1, [])).toBe(body);
  });

  it('finds the gap after a block, or the end', () => {
    expect(gapAfter(body, 'a')).toBe(1);
    expect(gapAfter(body, 'b')).toBe(2);
    expect(gapAfter(body, null)).toBe(2);
    expect(gapAfter(body, 'gone')).toBe(2);
  });
});

describe('move', () => {
  const body = [p('a'), p('b'), p('c'), p('d')];

  it('moves a block into a gap counted in the current list', () => {
    expect(ids(moveBlockToGap(body, 'a', 4))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(moveBlockToGap(body, 'd', 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(moveBlockToGap(body, 'b', 3))).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(moveBlockToGap(body, 'c', 1))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('does nothing when dropped right above or below itself', () => {
    expect(moveBlockToGap(body, 'b', 1)).toBe(body);
    expect(moveBlockToGap(body, 'b', 2)).toBe(body);
    expect(moveBlockToGap(body, 'zz', 0)).toBe(body);
  });

  it('moves by one with Alt+arrows, and stops at the ends', () => {
    expect(ids(moveBlockBy(body, 'b', -1))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(moveBlockBy(body, 'b', 1))).toEqual(['a', 'c', 'b', 'd']);
    expect(moveBlockBy(body, 'a', -1)).toBe(body);
    expect(moveBlockBy(body, 'd', 1)).toBe(body);
  });
});

describe('remove and edit', () => {
  it('removes a block by id', () => {
    const body = [p('a'), ph('b', 'B.JPG'), p('c')];
    expect(ids(removeBlock(body, 'b'))).toEqual(['a', 'c']);
    expect(removeBlock(body, 'zz')).toBe(body);
  });

  it('edits paragraph text and gallery captions, only on the right kind of block', () => {
    const body = [p('a', 'x'), g('g', ['A.JPG'])];
    expect(setParagraphText(body, 'a', 'y')[0]).toEqual(p('a', 'y'));
    expect(setParagraphText(body, 'a', 'x')).toBe(body);
    expect(setParagraphText(body, 'g', 'y')).toBe(body);
    expect(setGalleryCaption(body, 'g', 'Chung (ảnh trên).')[1]).toEqual(
      g('g', ['A.JPG'], 'Chung (ảnh trên).'),
    );
    expect(setGalleryCaption(body, 'a', 'c')).toBe(body);
  });
});

describe('paragraph keys', () => {
  it('Enter at the end makes an empty paragraph below', () => {
    const body = [p('a', 'Một câu.'), p('b')];
    const next = splitParagraph(body, 'a', 8, 'n');
    expect(next).toEqual([p('a', 'Một câu.'), p('n', ''), p('b')]);
  });

  it('Enter in the middle splits the text at the caret', () => {
    const next = splitParagraph([p('a', 'Câu một. Câu hai.')], 'a', 9, 'n');
    expect(next).toEqual([p('a', 'Câu một.'), p('n', 'Câu hai.')]);
  });

  it('Backspace at the start joins with the paragraph above', () => {
    const r = joinParagraphWithPrevious([p('a', 'Đầu.'), p('b', 'Sau.'), p('c')], 'b');
    expect(r).toEqual({ body: [p('a', 'Đầu. Sau.'), p('c')], into: 'a', caret: 5 });
    expect(joinParagraphWithPrevious([ph('x', 'X.JPG'), p('b')], 'b')).toBeNull();
    expect(joinParagraphWithPrevious([p('b')], 'b')).toBeNull();
  });
});

describe('galleries', () => {
  const body = [p('a'), ph('x', 'DSC-2465.JPG'), ph('y', 'DSC-2470.JPG'), p('b'), ph('z', 'Z.JPG')];

  it('merges two or more adjacent photo blocks into one gallery where the first was', () => {
    expect(canMerge(body, ['x', 'y'])).toBe(true);
    const next = mergeIntoGallery(body, ['y', 'x'], 'g');
    expect(next).toEqual([
      p('a'),
      g('g', ['DSC-2465.JPG', 'DSC-2470.JPG']),
      p('b'),
      ph('z', 'Z.JPG'),
    ]);
  });

  it('refuses blocks that are not adjacent, not pictures, or fewer than two', () => {
    expect(canMerge(body, ['x', 'z'])).toBe(false);
    expect(canMerge(body, ['x'])).toBe(false);
    expect(canMerge(body, ['a', 'x'])).toBe(false);
    expect(canMerge(body, ['x', 'gone'])).toBe(false);
    expect(mergeIntoGallery(body, ['x', 'z'], 'g')).toBe(body);
  });

  it('merges a photo into a neighbouring gallery, keeping its shared caption', () => {
    const b = [g('g1', ['A.JPG', 'B.JPG'], 'Chung (ảnh trên).'), ph('c', 'C.JPG')];
    expect(mergeIntoGallery(b, ['g1', 'c'], 'g2')).toEqual([
      g('g2', ['A.JPG', 'B.JPG', 'C.JPG'], 'Chung (ảnh trên).'),
    ]);
  });

  it('splits a gallery back into photo blocks in place', () => {
    const b = [p('a'), g('g', ['A.JPG', 'B.JPG', 'C.JPG'], 'x'), p('b')];
    expect(splitGallery(b, 'g', seq())).toEqual([
      p('a'),
      ph('n1', 'A.JPG'),
      ph('n2', 'B.JPG'),
      ph('n3', 'C.JPG'),
      p('b'),
    ]);
    expect(splitGallery(b, 'a', seq())).toBe(b);
  });

  it('adds dropped photos to a gallery once, and removing the last photo removes it', () => {
    const b = [g('g', ['A.JPG'])];
    expect(addToGallery(b, 'g', ['B.JPG', 'A.JPG', 'B.JPG'])).toEqual([g('g', ['A.JPG', 'B.JPG'])]);
    expect(addToGallery(b, 'g', ['B.JPG'], 0)).toEqual([g('g', ['B.JPG', 'A.JPG'])]);
    expect(addToGallery(b, 'g', ['A.JPG'])).toBe(b);
    const two = [g('g', ['A.JPG', 'B.JPG'])];
    expect(removeFromGallery(two, 'g', 'A.JPG')).toEqual([g('g', ['B.JPG'])]);
    expect(removeFromGallery(b, 'g', 'A.JPG')).toEqual([]);
  });
});

describe('the seed article rebuilt by hand', () => {
  it('reaches structure.json order with reducer actions: gallery of four, DSC-2403 last', () => {
    const newIds = seq('id');
    let body: Block[] = [];
    const run = (a: Parameters<typeof blocksReducer>[1]) => (body = blocksReducer(body, a));
    run({ type: 'insert', gap: 0, blocks: [p('p1')] });
    run({ type: 'insert', gap: 1, blocks: [ph('f2403', 'DSC-2403.JPG')] });
    for (const f of ['DSC-2465', 'DSC-2470', 'DSC-2484', 'DSC-2496'])
      run({ type: 'insert', gap: body.length, blocks: [ph(f, `${f}.JPG`)] });
    run({ type: 'merge', ids: ['DSC-2465', 'DSC-2470', 'DSC-2484', 'DSC-2496'], newId: 'gal' });
    run({ type: 'setGalleryCaption', id: 'gal', caption: 'Khen thưởng (ảnh trên).' });
    run({ type: 'insert', gap: gapAfter(body, 'gal'), blocks: [p('p2')] });
    // The photo taken first goes to the end of the article.
    run({ type: 'moveToGap', id: 'f2403', gap: body.length });
    expect(body.map((b) => b.type)).toEqual(['paragraph', 'gallery', 'paragraph', 'photo']);
    expect(photosInArticleOrder(body)).toEqual([
      'DSC-2465.JPG',
      'DSC-2470.JPG',
      'DSC-2484.JPG',
      'DSC-2496.JPG',
      'DSC-2403.JPG',
    ]);
    run({ type: 'split', id: 'gal', newIds: [newIds(), newIds()] });
    expect(body.map((b) => b.id)).toEqual(['p1', 'id1', 'id2', 'gal-1', 'gal-2', 'p2', 'f2403']);
    expect(photoUses(body).get('DSC-2465.JPG')).toBe(1);
  });

  it('makes ids that are unique and short enough for the contract', () => {
    const made = new Set(Array.from({ length: 500 }, newBlockId));
    expect(made.size).toBe(500);
    for (const id of made) expect(id.length).toBeLessThanOrEqual(40);
  });
});
