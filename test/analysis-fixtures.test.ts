import { afterEach, describe, expect, it } from 'vitest';
import { checksums } from './helpers/fixtures';
import { fixtureCore } from './helpers/fixture-core';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('assisted culling on real camera files', () => {
  it('analyses every fixture, names the ones it cannot decode, and changes no original', async () => {
    const { dir, core } = await fixtureCore((fn) => cleanup.push(fn));
    const before = await checksums(dir);
    const { photos } = await core.api.openFolder({ path: dir });
    const report = await core.api.analyzeFolder({ folder: dir });
    const { items, done, total } = await core.api.getAnalysis({ folder: dir });
    expect(done).toBe(total);
    expect(items).toHaveLength(photos.length);
    expect(report.analyzed + report.failed).toBe(photos.length);

    const failed = items.filter((a) => a.error);
    // The iPhone HEIC has no decoder here; everything else gives numbers.
    expect(failed.map((a) => a.file)).toEqual(['iphone-xr-orient6-gps.heic']);
    expect(failed[0]!.error).toMatch(/^iphone-xr-orient6-gps\.heic: .*HEIC/);
    for (const a of items.filter((x) => !x.error)) {
      expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(a.sharpness).toBeGreaterThanOrEqual(0);
      expect(a.sharpnessRank).toBeGreaterThanOrEqual(0);
      expect(a.sharpnessRank).toBeLessThanOrEqual(1);
    }
    const by = new Map(items.map((a) => [a.file, a]));
    // The near-black 18 MP frame, and the nearly white one.
    expect(by.get('canon-eos1300d-18mp.jpg')!.exposure).toBe('under');
    expect(by.get('idimager-iptc-utf8-as-latin1.jpg')!.exposure).toBe('over');
    // A sharp 22 MP frame is not called soft.
    expect(by.get('canon-5dmk3-22mp-iptc-null.jpg')!.soft).toBe(false);
    // Unrelated pictures from different cameras and years: no false stacks.
    expect(items.filter((a) => a.stack).map((a) => a.file)).toEqual([]);
    expect(await checksums(dir)).toEqual(before);
  });
});
