import { describe, expect, it } from 'vitest';
import { viewerAction } from './viewer-keys';

const key = (
  k: string,
  mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('viewerAction', () => {
  it('reads the loupe and compare keys', () => {
    expect(viewerAction(key(' '))).toEqual({ kind: 'close' });
    expect(viewerAction(key('Escape'))).toEqual({ kind: 'close' });
    expect(viewerAction(key('ArrowRight'))).toEqual({ kind: 'next' });
    expect(viewerAction(key('ArrowUp'))).toEqual({ kind: 'previous' });
    expect(viewerAction(key('End'))).toEqual({ kind: 'last' });
    expect(viewerAction(key('Z'))).toEqual({ kind: 'zoom' });
    expect(viewerAction(key('Tab', { shiftKey: true }))).toEqual({ kind: 'pane', back: true });
    expect(viewerAction(key('3'))).toEqual({ kind: 'cull', command: { kind: 'rating', stars: 3 } });
    expect(viewerAction(key('x'))).toEqual({ kind: 'cull', command: { kind: 'reject' } });
  });

  it('gives undo and redo to Ctrl/Cmd, and leaves other modified keys alone', () => {
    expect(viewerAction(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(viewerAction(key('z', { metaKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(viewerAction(key('3', { ctrlKey: true }))).toBeNull();
    expect(viewerAction(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(viewerAction(key('q'))).toBeNull();
  });
});
