import { describe, expect, it } from 'vitest';
import { withoutArticle, withRecord, type PackageRecord } from './history';

const rec = (path: string, at: string, valid: boolean | null = null): PackageRecord => ({
  path,
  bytes: 10,
  photos: 2,
  at,
  valid,
});

describe('package history', () => {
  it('lists the newest first and a rebuilt package once', () => {
    let h = withRecord({}, 'a', rec('/p/one.zip', '1'));
    h = withRecord(h, 'a', rec('/p/two.zip', '2'));
    h = withRecord(h, 'a', rec('/p/one.zip', '3', true));
    expect(h.a).toEqual([rec('/p/one.zip', '3', true), rec('/p/two.zip', '2')]);
    expect(withoutArticle(h, 'a')).toEqual({});
  });
});
