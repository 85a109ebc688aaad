import { describe, expect, it } from 'vitest';
import { compareFiles } from './compare-files';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('which photos compare opens', () => {
  it('takes 2 or 4 of the selection', () => {
    expect(compareFiles(['b', 'd'], order, 'b')).toEqual(['b', 'd']);
    expect(compareFiles(['a', 'b', 'c'], order, 'a')).toEqual(['a', 'b']);
    expect(compareFiles(['a', 'b', 'c', 'd', 'e'], order, 'a')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts the next photo beside a single current one, and has nothing to pair at the end', () => {
    expect(compareFiles(['c'], order, 'c')).toEqual(['c', 'd']);
    expect(compareFiles(['f'], order, 'f')).toEqual(['f']);
    expect(compareFiles([], order, null)).toEqual([]);
  });
});
