import { describe, expect, it } from 'vitest';
import {
  cameraSummaries,
  correctedTime,
  offsetForTime,
  sortPhotos,
  wallClockMs,
} from './capture-time';
import {
  NO_CULL_FILTER,
  cullPredicate,
  isFiltering,
  type CredentialsFilter,
  type Filterable,
} from './cull-filter';

const photo = (file: string, over: Partial<Filterable> = {}): Filterable => ({
  file,
  capturedAt: null,
  make: 'Canon',
  model: 'EOS R3',
  serial: null,
  rating: null,
  label: null,
  colorClass: null,
  pick: null,
  caption: null,
  ...over,
});

describe('sorting by capture time across cameras', () => {
  // Body A runs 30 s fast; body B is right. A shot at 10:00:40 (really 10:00:10).
  const a = (file: string, t: string) =>
    photo(file, { capturedAt: `2026-05-01T${t}`, model: 'EOS R3', serial: '111' });
  const b = (file: string, t: string) =>
    photo(file, { capturedAt: `2026-05-01T${t}+07:00`, make: 'NIKON', model: 'Z 9', serial: null });
  const photos = [
    a('A_001.JPG', '10:00:40'),
    a('A_002.JPG', '10:00:50'),
    b('B_001.JPG', '10:00:05'),
    b('B_002.JPG', '10:00:15'),
    b('B_003.JPG', '10:00:25'),
    photo('NOTIME.JPG'),
  ];

  it('sorts by name by default', () => {
    expect(sortPhotos([...photos].reverse(), 'name', {}).map((p) => p.file)).toEqual([
      'A_001.JPG',
      'A_002.JPG',
      'B_001.JPG',
      'B_002.JPG',
      'B_003.JPG',
      'NOTIME.JPG',
    ]);
  });

  it('merges the cameras by time, and the clock offset interleaves them right', () => {
    expect(sortPhotos(photos, 'time', {}).map((p) => p.file)).toEqual([
      'B_001.JPG',
      'B_002.JPG',
      'B_003.JPG',
      'A_001.JPG',
      'A_002.JPG',
      'NOTIME.JPG',
    ]);
    const offsets = { 'EOS R3 #111': -30 };
    expect(sortPhotos(photos, 'time', offsets).map((p) => p.file)).toEqual([
      'B_001.JPG',
      'A_001.JPG',
      'B_002.JPG',
      'A_002.JPG',
      'B_003.JPG',
      'NOTIME.JPG',
    ]);
    expect(correctedTime(photos[0]!, offsets)).toBe(Date.UTC(2026, 4, 1, 10, 0, 10));
  });

  it('computes the offset from "this photo was taken at hh:mm:ss"', () => {
    expect(offsetForTime('2026-05-01T10:00:40', '10:00:10')).toBe(-30);
    expect(offsetForTime('2026-05-01T10:00:40', '11:02')).toBe(3680);
    // Across midnight: a clock at 23:59:50 that should read 00:00:05.
    expect(offsetForTime('2026-05-01T23:59:50', '00:00:05')).toBe(15);
    expect(offsetForTime('2026-05-01T10:00:40', '25:00:00')).toBeNull();
    expect(offsetForTime(null, '10:00:00')).toBeNull();
    expect(offsetForTime('2026-05-01T10:00:40', 'noon')).toBeNull();
  });

  it('lists cameras with their counts and first capture time', () => {
    expect(cameraSummaries(photos)).toEqual([
      { key: 'Z 9', count: 3, first: '2026-05-01T10:00:05' },
      { key: 'EOS R3 #111', count: 2, first: '2026-05-01T10:00:40' },
      { key: 'EOS R3', count: 1, first: null },
    ]);
  });

  it('reads wall clocks as written, whatever the zone', () => {
    expect(wallClockMs('2026:05:01 10:00:05')).toBe(Date.UTC(2026, 4, 1, 10, 0, 5));
    expect(wallClockMs('2026-05-01T10:00:05-05:00')).toBe(Date.UTC(2026, 4, 1, 10, 0, 5));
    expect(wallClockMs('garbage')).toBeNull();
  });
});

describe('culling filters', () => {
  const set = [
    photo('pick.jpg', { pick: true, rating: 4 }),
    photo('reject.jpg', { pick: false, rating: -1 }),
    photo('red.jpg', { label: 'Red', colorClass: 1, rating: 2, caption: 'Hà Nội, 1/5' }),
    photo('blue.jpg', { colorClass: 4, capturedAt: '2026-05-01T10:00:00' }),
    photo('nikon.jpg', {
      make: 'NIKON',
      model: 'Z 9',
      capturedAt: '2026-05-01T10:05:00',
      caption: '  ',
    }),
  ];
  const run = (over: Partial<typeof NO_CULL_FILTER>, offsets = {}) =>
    set.filter(cullPredicate({ ...NO_CULL_FILTER, ...over }, offsets)).map((p) => p.file);

  it('keeps everything with no filter, and says so', () => {
    expect(run({})).toHaveLength(5);
    expect(isFiltering(NO_CULL_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_CULL_FILTER, sort: 'time' })).toBe(false);
    expect(isFiltering({ ...NO_CULL_FILTER, minRating: 3 })).toBe(true);
  });

  it('filters by flag, rating and colour', () => {
    expect(run({ flag: 'picked' })).toEqual(['pick.jpg']);
    expect(run({ flag: 'rejected' })).toEqual(['reject.jpg']);
    expect(run({ flag: 'notRejected' })).not.toContain('reject.jpg');
    expect(run({ minRating: 2 })).toEqual(['pick.jpg', 'red.jpg']);
    expect(run({ colors: ['red', 'blue'] })).toEqual(['red.jpg', 'blue.jpg']);
  });

  it('filters by caption, camera and corrected capture time', () => {
    expect(run({ captioned: 'captioned' })).toEqual(['red.jpg']);
    expect(run({ captioned: 'uncaptioned' })).toHaveLength(4);
    expect(run({ cameras: ['Z 9'] })).toEqual(['nikon.jpg']);
    expect(run({ from: '2026-05-01T10:01' })).toEqual(['nikon.jpg']);
    expect(run({ to: '2026-05-01T10:00' })).toEqual(['blue.jpg']);
    // The Nikon's clock was 5 minutes fast: corrected, it falls in 10:00.
    expect(run({ from: '2026-05-01T10:00', to: '2026-05-01T10:00' }, { 'Z 9': -300 })).toEqual([
      'blue.jpg',
      'nikon.jpg',
    ]);
  });

  it('filters by Content Credentials, holding unchecked photos back from the verdicts', () => {
    const signed = [
      photo('trusted.jpg', { credentials: true }),
      photo('outsider.jpg', { credentials: true }),
      photo('broken.jpg', { credentials: true }),
      photo('revoked.jpg', { credentials: true }),
      photo('expired.jpg', { credentials: true }),
      photo('checking.jpg', { credentials: true }),
      // The scan saw a store, the validator found no manifest in it.
      photo('empty-store.jpg', { credentials: true }),
      photo('plain.jpg'),
    ];
    const verdicts = new Map([
      ['trusted.jpg', 'trusted'],
      ['outsider.jpg', 'untrusted'],
      ['broken.jpg', 'broken'],
      ['revoked.jpg', 'revoked'],
      ['expired.jpg', 'expired'],
      ['empty-store.jpg', 'none'],
    ] as const);
    const verdictOf = (file: string) => verdicts.get(file as never);
    const by = (credentials: CredentialsFilter) =>
      signed
        .filter(cullPredicate({ ...NO_CULL_FILTER, credentials }, {}, verdictOf))
        .map((p) => p.file);
    expect(by('any')).toHaveLength(8);
    expect(by('present')).toEqual([
      'trusted.jpg',
      'outsider.jpg',
      'broken.jpg',
      'revoked.jpg',
      'expired.jpg',
      'checking.jpg',
    ]);
    expect(by('trusted')).toEqual(['trusted.jpg']);
    expect(by('untrusted')).toEqual(['outsider.jpg']);
    expect(by('broken')).toEqual(['broken.jpg', 'revoked.jpg', 'expired.jpg']);
    expect(by('none')).toEqual(['empty-store.jpg', 'plain.jpg']);
    expect(isFiltering({ ...NO_CULL_FILTER, credentials: 'broken' })).toBe(true);
    // Without verdicts yet, only the scan's flag can answer.
    const early = (credentials: CredentialsFilter) =>
      signed.filter(cullPredicate({ ...NO_CULL_FILTER, credentials }, {})).map((p) => p.file);
    expect(early('present')).toHaveLength(7);
    expect(early('trusted')).toEqual([]);
    expect(early('none')).toEqual(['plain.jpg']);
  });
});
