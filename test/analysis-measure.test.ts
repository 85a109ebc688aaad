import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import { buildThumbnail } from '../electron/core/images/thumbnail-cache';
import { measurePhoto, type PhotoMetrics } from '../electron/core/analysis/photo-metrics';
import { decodeGrey } from '../electron/core/analysis/grey-image';
import { sharpnessOf } from '../electron/core/analysis/sharpness';
import { exposureVerdict } from '../electron/core/analysis/exposure';
import { folderVerdicts, type PhotoRecord } from '../electron/core/analysis/folder-verdicts';
import { hashDistance } from '../common/analysis/hash-distance';
import { BURST_MAX_DISTANCE, SOFT_RANK } from '../common/analysis/thresholds';
import { flatFrame, sceneFrame, sharpSubjectFrame } from './helpers/analysis-scenes';
import { tempDir } from './helpers/fixtures';

let cacheDir = '';
let n = 0;
beforeAll(async () => {
  cacheDir = await tempDir('captiondesk-analysis-');
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** Measured as the app measures: on the real 320 px cached thumbnail. */
async function measure(frame: Buffer): Promise<PhotoMetrics> {
  return measurePhoto(await buildThumbnail(frame, cacheDir, `k${++n}`.padEnd(40, '0')));
}

const record = (file: string, metrics: PhotoMetrics): PhotoRecord => ({
  file,
  capturedAt: null,
  camera: 'Canon EOS R6',
  metrics,
  error: null,
});

describe('sharpness', () => {
  it('scores a crisp pattern far above the same pattern blurred', async () => {
    const crisp = await measure(await sceneFrame(1));
    const blurred = await measure(
      await sharp(await sceneFrame(1))
        .blur(3)
        .toBuffer(),
    );
    expect(crisp.sharpness).toBeGreaterThan(10 * blurred.sharpness);
    const [a, b] = folderVerdicts([record('crisp.jpg', crisp), record('blur.jpg', blurred)], {});
    expect(a).toMatchObject({ soft: false, sharpnessRank: 1 });
    expect(b!.soft).toBe(true);
    expect(b!.sharpnessRank!).toBeLessThan(SOFT_RANK);
  });

  it('calls a crisp subject on a blurred background sharp, though the whole frame is mostly blur', async () => {
    const crisp = await measure(await sceneFrame(2));
    const subject = await measure(await sharpSubjectFrame(2));
    const blurred = await measure(await sceneFrame(2, { blur: 3 }));
    // The whole-frame variance would have called it soft; the best tile does not.
    expect(subject.sharpnessWhole).toBeLessThan(SOFT_RANK * crisp.sharpnessWhole);
    const verdicts = folderVerdicts(
      [record('crisp.jpg', crisp), record('subject.jpg', subject), record('blur.jpg', blurred)],
      {},
    );
    expect(verdicts.map((v) => v.soft)).toEqual([false, false, true]);
  });

  it('takes the best of a 4×4 grid of tiles', async () => {
    const img = await decodeGrey(await sharpSubjectFrame(3));
    expect(img.width).toBe(256);
    const s = sharpnessOf(img);
    expect(s.tileMax).toBeGreaterThan(2 * s.whole);
  });
});

describe('exposure', () => {
  it('calls an all-white frame over, with nearly every pixel clipped', async () => {
    const m = await measure(await flatFrame(255));
    expect(m.highlightsClipped).toBeGreaterThan(0.99);
    expect(m.shadowsClipped).toBe(0);
    expect(exposureVerdict(m)).toBe('over');
  });

  it('calls a black frame under', async () => {
    const m = await measure(await flatFrame(0));
    expect(m.shadowsClipped).toBeGreaterThan(0.99);
    expect(m.meanLuma).toBeLessThan(2);
    expect(exposureVerdict(m)).toBe('under');
  });

  it('leaves a mid-grey scene alone', async () => {
    const m = await measure(await sceneFrame(4));
    expect(exposureVerdict(m)).toBe('ok');
    expect(m.highlightsClipped).toBeLessThan(0.01);
  });
});

describe('perceptual hash', () => {
  it('is 16 hex chars, close for a shifted, noisy, softer frame of one scene and far for another scene', async () => {
    const a = await measure(await sceneFrame(5));
    const shifted = await measure(await sceneFrame(5, { dx: 4, dy: -3, noiseSeed: 9, blur: 1.2 }));
    const other = await measure(await sceneFrame(6));
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashDistance(a.hash, shifted.hash)!).toBeLessThanOrEqual(BURST_MAX_DISTANCE / 2);
    expect(hashDistance(a.hash, other.hash)!).toBeGreaterThan(2 * BURST_MAX_DISTANCE);
  });

  it('counts differing bits and refuses malformed hashes', () => {
    expect(hashDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hashDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hashDistance('0000000000000001', '8000000000000000')).toBe(2);
    expect(hashDistance('', '0000000000000000')).toBeNull();
    expect(hashDistance('xyz', 'abc')).toBeNull();
  });
});
