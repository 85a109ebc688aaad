import { describe, expect, it } from 'vitest';
import {
  captionOf,
  collectEdits,
  countChanges,
  emptyDraft,
  layOut,
  movePhoto,
  placePhoto,
  type Manifest,
} from './edits';

const manifest = {
  article: {
    headline: 'Hội nghị',
    sapo: 'Chiều 26/12.',
    body: [
      { type: 'paragraph', id: 'b1', text: 'Đoạn một.' },
      { type: 'photo', id: 'b2', photo: 'p1', caption: 'Ảnh một.' },
      { type: 'gallery', id: 'b3', photos: ['p2', 'p3'], caption: 'Chùm ảnh.' },
    ],
  },
  photos: [
    { id: 'p1', caption: 'Ảnh một.' },
    { id: 'p2', caption: 'Chùm ảnh.' },
    { id: 'p3', caption: 'Chùm ảnh.' },
  ],
} as unknown as Manifest;

describe('review edits', () => {
  it('collects only what differs, NFC-insensitive', () => {
    const d = emptyDraft(manifest);
    d.headline = 'Hội nghị'; // the same text
    d.sapo = 'Chiều 26/12.'.normalize('NFD'); // same in another normal form
    d.paragraphs = { b1: 'Đoạn một, sửa.' };
    d.captions = { p1: 'Ảnh một.', b3: 'Chùm ảnh mới.' };
    expect(collectEdits(manifest, d)).toEqual({
      paragraphs: { b1: 'Đoạn một, sửa.' },
      captions: { b3: 'Chùm ảnh mới.' },
    });
    expect(captionOf(manifest, d, 'b3')).toBe('Chùm ảnh mới.');
    expect(captionOf(manifest, emptyDraft(manifest), 'p2')).toBe('Chùm ảnh.');
  });

  it('sends the order without dropped photos, and no order when only a drop happened', () => {
    const d = emptyDraft(manifest);
    d.dropped = ['p2'];
    d.captions = { p2: 'bỏ rồi' };
    expect(collectEdits(manifest, d)).toEqual({ dropPhotos: ['p2'] });
    d.order = movePhoto(d.order, 'p3', -1); // p1 p3 p2
    d.order = movePhoto(d.order, 'p3', -1); // p3 p1 p2
    const edits = collectEdits(manifest, d);
    expect(edits).toEqual({ dropPhotos: ['p2'], photoOrder: ['p3', 'p1'] });
    expect(countChanges(edits, [{ target: 'p1', text: 'x' }])).toBe(3);
  });

  it('moves and places photos, staying put at the ends', () => {
    expect(movePhoto(['p1', 'p2'], 'p1', -1)).toEqual(['p1', 'p2']);
    expect(movePhoto(['p1', 'p2'], 'p2', 1)).toEqual(['p1', 'p2']);
    expect(movePhoto(['p1', 'p2', 'p3'], 'p1', 1)).toEqual(['p2', 'p1', 'p3']);
    expect(placePhoto(['p1', 'p2', 'p3'], 'p3', 'p1')).toEqual(['p3', 'p1', 'p2']);
    expect(placePhoto(['p1', 'p2', 'p3'], 'p1', 'p3')).toEqual(['p2', 'p3', 'p1']);
  });

  it('lays the body out with the k-th photo slot holding the k-th photo of the order', () => {
    expect(layOut(manifest, ['p3', 'p1', 'p2'])).toEqual([
      { type: 'paragraph', id: 'b1' },
      { type: 'photo', id: 'b2', photo: 'p3' },
      { type: 'gallery', id: 'b3', photos: ['p1', 'p2'] },
    ]);
  });
});
