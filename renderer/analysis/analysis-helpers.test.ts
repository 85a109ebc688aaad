import { describe, expect, it } from 'vitest';
import type { PhotoAnalysis } from '../../electron/contract/cull';
import { applyAnalysisFilter, hideSoft, onePerStack } from './filters';
import { badgesOf, stackBests } from './badges';
import { mergeAnalysis } from './merge-analysis';

const a = (file: string, o: Partial<PhotoAnalysis> = {}): PhotoAnalysis => ({
  file,
  sharpness: 1000,
  sharpnessRank: 1,
  soft: false,
  highlightsClipped: 0,
  shadowsClipped: 0,
  meanLuma: 120,
  exposure: 'ok',
  hash: '0000000000000000',
  stack: null,
  stackSize: 1,
  stackBest: false,
  error: null,
  ...o,
});

const tiles = (...files: string[]) => files.map((file) => ({ file }));
const mapOf = (...items: PhotoAnalysis[]) => new Map(items.map((x) => [x.file, x]));

// A burst of three (b2 sharpest), a soft singleton, a photo not analysed yet.
const burst = [
  a('b1.jpg', { stack: 'b1.jpg', stackSize: 3, sharpness: 800 }),
  a('b2.jpg', { stack: 'b1.jpg', stackSize: 3, stackBest: true, sharpness: 1200 }),
  a('b3.jpg', { stack: 'b1.jpg', stackSize: 3, sharpness: 900 }),
];
const analysis = mapOf(...burst, a('soft.jpg', { soft: true, sharpness: 30, sharpnessRank: 0.03 }));
const all = tiles('b1.jpg', 'b2.jpg', 'b3.jpg', 'soft.jpg', 'new.jpg');

describe('analysis filters', () => {
  it('hides soft frames and keeps the ones not analysed yet', () => {
    expect(hideSoft(all, analysis).map((t) => t.file)).toEqual([
      'b1.jpg',
      'b2.jpg',
      'b3.jpg',
      'new.jpg',
    ]);
  });

  it('keeps the best frame of each stack, in grid order', () => {
    expect(onePerStack(all, analysis).map((t) => t.file)).toEqual([
      'b2.jpg',
      'soft.jpg',
      'new.jpg',
    ]);
  });

  it('lets the sharpest visible frame stand in when another filter hid the best', () => {
    const withoutBest = tiles('b1.jpg', 'b3.jpg', 'soft.jpg');
    expect(onePerStack(withoutBest, analysis).map((t) => t.file)).toEqual(['b3.jpg', 'soft.jpg']);
  });

  it('combines both, and changes nothing when both are off', () => {
    expect(
      applyAnalysisFilter(all, analysis, { hideSoft: true, onePerStack: true }).map((t) => t.file),
    ).toEqual(['b2.jpg', 'new.jpg']);
    expect(applyAnalysisFilter(all, analysis, { hideSoft: false, onePerStack: false })).toBe(all);
  });
});

describe('analysis badges', () => {
  it('explains a soft, blown frame with its numbers', () => {
    const b = badgesOf(
      a('x.jpg', {
        soft: true,
        sharpness: 41.6,
        sharpnessRank: 0.123,
        exposure: 'over',
        highlightsClipped: 0.4567,
        shadowsClipped: 0,
        meanLuma: 230.4,
      }),
    );
    expect(b).toEqual([
      { kind: 'soft', sharpness: 42, rankPct: 12, thresholdPct: 25, absolute: 50 },
      { kind: 'over', highlightsPct: '45.7', shadowsPct: '0.0', meanLuma: 230 },
    ]);
  });

  it('shows a stack with its distance from the best, and marks the best', () => {
    const bests = stackBests(
      mapOf(...burst.map((x) => (x.stackBest ? { ...x, hash: '00000000000000ff' } : x))),
    );
    expect(badgesOf(burst[0]!, bests.get('b1.jpg'))).toEqual([
      { kind: 'stack', size: 3, distance: 8 },
    ]);
    expect(badgesOf(burst[1]!, bests.get('b1.jpg'))).toEqual([
      { kind: 'stack', size: 3, distance: null },
      { kind: 'best', size: 3, sharpness: 1200 },
    ]);
  });

  it('shows nothing for a plain frame or a failed analysis', () => {
    expect(badgesOf(a('ok.jpg'))).toEqual([]);
    expect(
      badgesOf(a('bad.jpg', { sharpness: null, error: 'bad.jpg: unreadable', soft: true })),
    ).toEqual([]);
  });
});

describe('mergeAnalysis', () => {
  it('adds a batch, and lets a full event replace stale ranks and stacks', () => {
    const first = mergeAnalysis(new Map(), { items: [burst[0]!], done: 1 });
    const batch = mergeAnalysis(first, { items: [burst[1]!], done: 2 });
    expect([...batch.keys()]).toEqual(['b1.jpg', 'b2.jpg']);
    const restacked = mergeAnalysis(batch, { items: [a('b2.jpg')], done: 1 });
    expect([...restacked.values()]).toEqual([a('b2.jpg')]);
  });
});
