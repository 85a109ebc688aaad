import { describe, expect, it } from 'vitest';
import { bulkChanges, undoKey } from './bulk-marks';
import type { CullState } from './culling-keys';

const plain: CullState = { rating: null, label: null, colorClass: null, pick: null };

describe('bulk marks', () => {
  it('turns a key on 500 photos into one list of changes, with the marks to undo them', () => {
    const photos = Array.from({ length: 500 }, (_, i) => ({
      file: `IMG_${i}.JPG`,
      ...plain,
      rating: i % 2 ? 1 : null,
    }));
    const { before, after } = bulkChanges({ kind: 'rating', stars: 3 }, photos[0]!, photos);
    expect(after).toHaveLength(500);
    expect(after.every((c) => c.culling.rating === 3)).toBe(true);
    expect(after.map((c) => c.file)).toEqual(photos.map((p) => p.file));
    expect(before[0]).toEqual({ file: 'IMG_0.JPG', culling: { rating: null } });
    expect(before[1]).toEqual({ file: 'IMG_1.JPG', culling: { rating: 1 } });
  });

  it('keeps each photo’s own change when they differ (unflag on a mixed selection)', () => {
    const photos = [
      { file: 'r.jpg', ...plain, rating: -1, pick: false },
      { file: 'p.jpg', ...plain, rating: 2, pick: true },
    ];
    const { before, after } = bulkChanges({ kind: 'unflag' }, photos[1]!, photos);
    expect(after).toEqual([
      { file: 'r.jpg', culling: { pick: null, rating: null } },
      { file: 'p.jpg', culling: { pick: null } },
    ]);
    expect(before).toEqual([
      { file: 'r.jpg', culling: { pick: false, rating: -1 } },
      { file: 'p.jpg', culling: { pick: true } },
    ]);
  });

  it('reads Ctrl/Cmd+Z as undo and Ctrl/Cmd+Shift+Z or Ctrl+Y as redo', () => {
    const k = (
      key: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
    ) => undoKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z', {})).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});
