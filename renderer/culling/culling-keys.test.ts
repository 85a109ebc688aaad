import { describe, expect, it } from 'vitest';
import {
  cullingChange,
  cullingCommand,
  groupChanges,
  tileColor,
  type CullState,
} from './culling-keys';

const plain: CullState = { rating: null, label: null, colorClass: null, pick: null };

describe('culling keys', () => {
  it('maps 0–5, 6–9, P, X and U, and nothing else', () => {
    expect(cullingCommand('0')).toEqual({ kind: 'rating', stars: 0 });
    expect(cullingCommand('5')).toEqual({ kind: 'rating', stars: 5 });
    expect(cullingCommand('6')).toEqual({ kind: 'color', colorClass: 1 });
    expect(cullingCommand('9')).toEqual({ kind: 'color', colorClass: 4 });
    expect(cullingCommand('p')).toEqual({ kind: 'pick' });
    expect(cullingCommand('X')).toEqual({ kind: 'reject' });
    expect(cullingCommand('u')).toEqual({ kind: 'unflag' });
    for (const k of ['a', 't', 'Enter', 'ArrowLeft', '!', ' '])
      expect(cullingCommand(k)).toBeNull();
  });

  it('sets the label and the colour class together, like Lightroom, and toggles them off', () => {
    const red = cullingChange({ kind: 'color', colorClass: 1 }, plain, plain);
    expect(red).toEqual({ label: 'Red', colorClass: 1 });
    const already = { ...plain, label: 'Red', colorClass: 1 };
    expect(cullingChange({ kind: 'color', colorClass: 1 }, already, already)).toEqual({
      label: null,
      colorClass: null,
    });
    expect(cullingChange({ kind: 'color', colorClass: 4 }, already, already)).toEqual({
      label: 'Blue',
      colorClass: 4,
    });
  });

  it('rejects as rating −1 without a pick, and P or U lift a reject', () => {
    expect(cullingChange({ kind: 'reject' }, plain, plain)).toEqual({ rating: -1, pick: false });
    const rejected = { ...plain, rating: -1, pick: false };
    expect(cullingChange({ kind: 'pick' }, rejected, rejected)).toEqual({
      pick: true,
      rating: null,
    });
    expect(cullingChange({ kind: 'unflag' }, rejected, rejected)).toEqual({
      pick: null,
      rating: null,
    });
    expect(cullingChange({ kind: 'unflag' }, plain, { ...plain, rating: 3, pick: true })).toEqual({
      pick: null,
    });
    expect(cullingChange({ kind: 'rating', stars: 3 }, plain, plain)).toEqual({ rating: 3 });
  });

  it('groups a selection by the change each photo gets', () => {
    const photos = [
      { file: 'a', ...plain, rating: -1, pick: false },
      { file: 'b', ...plain, rating: 2 },
      { file: 'c', ...plain },
    ];
    expect(groupChanges({ kind: 'unflag' }, photos[0]!, photos)).toEqual([
      { files: ['a'], change: { pick: null, rating: null } },
      { files: ['b', 'c'], change: { pick: null } },
    ]);
  });

  it('colours a tile by its label, else its colour class', () => {
    expect(tileColor({ label: 'Green', colorClass: null })).toBe('green');
    expect(tileColor({ label: null, colorClass: 2 })).toBe('yellow');
    expect(tileColor({ label: 'Winner', colorClass: 7 })).toBe('other');
    expect(tileColor({ label: null, colorClass: 0 })).toBeNull();
  });
});
