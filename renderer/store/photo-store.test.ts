import { describe, expect, it } from 'vitest';
import type { Photo, Tile } from '../../electron/contract/api';
import { applyChanges, applyThumbs, EMPTY, opened } from './photo-store';

function tile(file: string, extra: Partial<Tile> = {}): Tile {
  return {
    file,
    caption: null,
    captionOwn: null,
    rating: null,
    thumb: null,
    thumbNeedsRotation: false,
    full: `media/full/k/${file}?v=1`,
    ...extra,
  } as Tile;
}

const files = (s: { tiles: Tile[] }) => s.tiles.map((t) => t.file);

describe('photo store', () => {
  const start = opened('/ev', [tile('a.jpg'), tile('b.jpg'), tile('c.jpg')]);

  it('replaces only the changed tiles, keeping the others as the same objects', () => {
    const next = applyChanges(start, '/ev', [tile('b.jpg', { rating: 3 })]);
    expect(next.tiles[1]!.rating).toBe(3);
    expect(next.tiles[0]).toBe(start.tiles[0]);
    expect(next.tiles[2]).toBe(start.tiles[2]);
    expect(next.index).toBe(start.index); // no arrival or removal: the index is kept
    expect(start.tiles[1]!.rating).toBeNull(); // the old state is untouched
  });

  it('adds arrivals in file-name order and drops removed photos', () => {
    const next = applyChanges(start, '/ev', [tile('bb.jpg'), tile('0.jpg')], ['a.jpg']);
    expect(files(next)).toEqual(['0.jpg', 'b.jpg', 'bb.jpg', 'c.jpg']);
    expect([...next.index]).toEqual([
      ['0.jpg', 0],
      ['b.jpg', 1],
      ['bb.jpg', 2],
      ['c.jpg', 3],
    ]);
  });

  it('ignores news of another folder, and empty news, without a new state', () => {
    expect(applyChanges(start, '/other', [tile('a.jpg', { rating: 1 })])).toBe(start);
    expect(applyChanges(start, '/ev', [], [])).toBe(start);
    expect(applyChanges(EMPTY, '/ev', [tile('a.jpg')])).toBe(EMPTY);
  });

  it('keeps a tile’s picture when a write answers with a bare photo', () => {
    const withThumb = applyThumbs(start, '/ev', new Map([['a.jpg', 'media/thumb/k/a.jpg?v=x']]));
    const photo = { ...tile('a.jpg', { captionOwn: 'Mới.' }) } as Partial<Tile>;
    delete photo.thumb;
    delete photo.full;
    delete photo.thumbNeedsRotation;
    const next = applyChanges(withThumb, '/ev', [photo as Photo]);
    expect(next.tiles[0]).toMatchObject({ captionOwn: 'Mới.', thumb: 'media/thumb/k/a.jpg?v=x' });
  });

  it('does not trade a built thumbnail back for the camera preview of the same version', () => {
    const built = applyThumbs(start, '/ev', new Map([['a.jpg', 'media/thumb/k/a.jpg?v=x']]));
    const late = tile('a.jpg', { thumb: 'media/preview/k/a.jpg?v=1', thumbNeedsRotation: true });
    expect(applyChanges(built, '/ev', [late]).tiles[0]!.thumb).toBe('media/thumb/k/a.jpg?v=x');
    // A new version of the file (another `full`) does get its preview.
    const edited = { ...late, full: 'media/full/k/a.jpg?v=2' };
    expect(applyChanges(built, '/ev', [edited]).tiles[0]!.thumb).toBe('media/preview/k/a.jpg?v=1');
  });

  it('turns a placeholder into the photo when its data arrive', () => {
    const s = opened('/ev', [tile('a.jpg'), tile('b.jpg', { pending: true })]);
    const next = applyChanges(s, '/ev', [tile('b.jpg', { captionOwn: 'Đọc xong.' })]);
    expect(next.tiles[1]!.pending).toBeUndefined();
    expect(next.tiles[1]!.captionOwn).toBe('Đọc xong.');
  });

  it('sets thumbnails of known tiles only', () => {
    const next = applyThumbs(start, '/ev', new Map([['zz.jpg', 'media/thumb/k/zz']]));
    expect(next).toBe(start);
    expect(applyThumbs(start, '/other', new Map([['a.jpg', 't']]))).toBe(start);
  });
});
