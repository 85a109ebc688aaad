import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { measurePhoto, type PhotoMetrics } from '../electron/core/analysis/photo-metrics';
import { folderVerdicts } from '../electron/core/analysis/folder-verdicts';
import { findStacks, type StackFrame } from '../electron/core/analysis/stacks';
import { sceneFrame } from './helpers/analysis-scenes';

/** The thumbnail step without a cache: shrink to 320 px and re-encode as the cache does. */
async function measure(frame: Buffer): Promise<PhotoMetrics> {
  return measurePhoto(
    await sharp(frame).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 78 }).toBuffer(),
  );
}

const at = (seconds: number) =>
  new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + seconds * 1000).toISOString();

describe('bursts from pictures made in the test', () => {
  it('stacks five frames of one scene 1 s apart, marks the crisp one best, and leaves out another scene and the same scene 10 minutes later', async () => {
    const burst = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) =>
        measure(
          await sceneFrame(7, {
            dx: i * 2 - 4,
            dy: i % 2 ? 1 : -1,
            noiseSeed: 100 + i,
            // Frame 3 is the one where focus landed.
            blur: i === 3 ? 0 : 1.3,
          }),
        ),
      ),
    );
    const other = await measure(await sceneFrame(8, { noiseSeed: 200 }));
    const later = await measure(await sceneFrame(7, { dx: 1, noiseSeed: 300, blur: 1.3 }));
    const records = [
      ...burst.map((metrics, i) => ({ file: `A${i}.jpg`, capturedAt: at(i), metrics })),
      { file: 'B.jpg', capturedAt: at(5), metrics: other },
      { file: 'C.jpg', capturedAt: at(600), metrics: later },
    ].map((r) => ({ ...r, camera: 'Canon EOS R6 #1', error: null }));

    const v = new Map(folderVerdicts(records, {}).map((a) => [a.file, a]));
    for (let i = 0; i < 5; i++)
      expect(v.get(`A${i}.jpg`)).toMatchObject({
        stack: 'A0.jpg',
        stackSize: 5,
        stackBest: i === 3,
        soft: false,
      });
    expect(v.get('B.jpg')).toMatchObject({ stack: null, stackSize: 1, stackBest: false });
    expect(v.get('C.jpg')).toMatchObject({ stack: null, stackSize: 1, stackBest: false });
  });
});

const frame = (file: string, hash: string, o: Partial<StackFrame> = {}): StackFrame => ({
  file,
  hash,
  capturedAt: null,
  camera: 'X',
  sharpness: 100,
  ...o,
});
const H0 = '0000000000000000';
/** 8 bits away from H0: a burst neighbour, not a near-duplicate. */
const H8 = '00000000000000ff';
/** 3 bits away from H0: a near-duplicate. */
const H3 = '0000000000000007';
const FAR = 'ffffffff00000000';

describe('findStacks rules', () => {
  it('groups near-identical frames without a capture time by file name, but not merely similar ones', () => {
    const s = findStacks(
      [frame('IMG_10.jpg', H3), frame('IMG_9.jpg', H0), frame('IMG_11.jpg', H3.replace('7', 'f'))],
      {},
    );
    // Numeric order: IMG_9 comes before IMG_10.
    expect(s.get('IMG_9.jpg')).toMatchObject({ stack: 'IMG_9.jpg', stackSize: 3 });
    expect(s.get('IMG_11.jpg')!.stack).toBe('IMG_9.jpg');
    const apart = findStacks([frame('a.jpg', H0), frame('b.jpg', H8)], {});
    expect(apart.get('b.jpg')!.stack).toBeNull();
  });

  it('joins a burst neighbour only within the time gap', () => {
    const near = findStacks(
      [frame('a.jpg', H0, { capturedAt: at(0) }), frame('b.jpg', H8, { capturedAt: at(2) })],
      {},
    );
    expect(near.get('b.jpg')!.stack).toBe('a.jpg');
    const far = findStacks(
      [frame('a.jpg', H0, { capturedAt: at(0) }), frame('b.jpg', H0, { capturedAt: at(2.5) })],
      {},
    );
    expect(far.get('b.jpg')!.stack).toBeNull();
  });

  it('never stacks two different pictures, even shot at once', () => {
    const s = findStacks(
      [frame('a.jpg', H0, { capturedAt: at(0) }), frame('b.jpg', FAR, { capturedAt: at(0) })],
      {},
    );
    expect(s.get('a.jpg')!.stack).toBeNull();
  });

  it('merges two bodies once the second camera clock is corrected', () => {
    const frames = [
      frame('a1.jpg', H0, { capturedAt: at(0), camera: 'R6 #1' }),
      frame('a2.jpg', H0, { capturedAt: at(2), camera: 'R6 #1' }),
      frame('b1.jpg', H3, { capturedAt: at(3601), camera: 'R5 #2', sharpness: 500 }),
    ];
    expect(findStacks(frames, {}).get('b1.jpg')!.stack).toBeNull();
    const fixed = findStacks(frames, { 'R5 #2': -3600 });
    expect(fixed.get('b1.jpg')).toMatchObject({ stack: 'a1.jpg', stackSize: 3, stackBest: true });
    expect(fixed.get('a1.jpg')!.stackBest).toBe(false);
  });

  it('lets a panning burst drift: each frame is compared with the one before', () => {
    const hashes = ['0000000000000000', '00000000000000ff', '000000000000ffff', '0000000000ffffff'];
    const s = findStacks(
      hashes.map((h, i) => frame(`p${i}.jpg`, h, { capturedAt: at(i * 0.5) })),
      {},
    );
    expect(s.get('p3.jpg')).toMatchObject({ stack: 'p0.jpg', stackSize: 4 });
  });

  it('keeps a failed frame (no hash) out of every stack', () => {
    const s = findStacks([frame('a.jpg', H0), frame('b.jpg', ''), frame('c.jpg', H0)], {});
    expect(s.get('b.jpg')!.stack).toBeNull();
    expect(s.get('a.jpg')!.stack).toBeNull();
  });
});

describe('stacks while the analysis is still running', () => {
  const metrics = (hash: string): PhotoMetrics => ({
    sharpness: 1000,
    sharpnessWhole: 1000,
    highlightsClipped: 0,
    shadowsClipped: 0,
    meanLuma: 120,
    hash,
  });

  it('does not take two frames of one body for neighbours while the other body’s frame between them waits', () => {
    // Two bodies alternate, each shooting the same view every 2 s: nothing is a burst.
    const records = [
      { file: 'N1.jpg', capturedAt: at(0), camera: 'Z 9', metrics: metrics(H0), error: null },
      {
        file: 'C1.jpg',
        capturedAt: at(1),
        camera: 'EOS R3',
        metrics: null,
        error: null,
        pending: true,
      },
      { file: 'N2.jpg', capturedAt: at(2), camera: 'Z 9', metrics: metrics(H0), error: null },
    ];
    const partial = folderVerdicts(records, {});
    expect(partial.map((a) => a.file)).toEqual(['N1.jpg', 'N2.jpg']);
    expect(partial.every((a) => a.stack === null)).toBe(true);

    const done = folderVerdicts(
      records.map((r) => (r.pending ? { ...r, metrics: metrics(FAR), pending: false } : r)),
      {},
    );
    expect(done.every((a) => a.stack === null)).toBe(true);
  });
});
