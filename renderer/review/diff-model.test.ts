import { describe, expect, it } from 'vitest';
import { changes, diffRuns, groupByTarget } from './diff-model';

describe('diff rendering model', () => {
  it('joins adjacent runs of one kind and drops empty ones', () => {
    expect(
      diffRuns([
        { op: 'eq', text: 'Phó ' },
        { op: 'eq', text: 'Bí thư ' },
        { op: 'del', text: 'Tỉnh ủy' },
        { op: 'del', text: '' },
        { op: 'ins', text: 'Tỉnh' },
        { op: 'ins', text: ' uỷ' },
        { op: 'eq', text: ' Hoàng Giang' },
      ]),
    ).toEqual([
      { op: 'eq', text: 'Phó Bí thư ', key: '0' },
      { op: 'del', text: 'Tỉnh ủy', key: '1' },
      { op: 'ins', text: 'Tỉnh uỷ', key: '2' },
      { op: 'eq', text: ' Hoàng Giang', key: '3' },
    ]);
  });

  it('tells a diff that changes something from one that does not', () => {
    expect(changes(null)).toBe(false);
    expect(changes([{ op: 'eq', text: 'a' }])).toBe(false);
    expect(changes([{ op: 'ins', text: 'a' }])).toBe(true);
  });

  it('groups comments by target: article first, then reading order, unknown last', () => {
    const c = (target: string, text: string) => ({ target, text });
    const groups = groupByTarget(
      [c('p2', '1'), c('zz', '2'), c('b1', '3'), c('article', '4'), c('p2', '5')],
      ['b1', 'p2'],
    );
    expect(groups.map(([t, list]) => [t, list.map((x) => x.text)])).toEqual([
      ['article', ['4']],
      ['b1', ['3']],
      ['p2', ['1', '5']],
      ['zz', ['2']],
    ]);
  });
});
