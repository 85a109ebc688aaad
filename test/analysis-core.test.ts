import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvent } from '../electron/contract/api';
import type { PhotoAnalysis } from '../electron/contract/cull';
import { createCore } from '../electron/core/app-core';
import { clockOffsetsPath } from '../electron/core/analysis/clock-offsets';
import { checksums, FIXTURES, tempDir } from './helpers/fixtures';
import { flatFrame, sceneFrame } from './helpers/analysis-scenes';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const exifTime = (seconds: number) => {
  const d = new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + seconds * 1000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', ':')} ${d.slice(11, 19)}`;
};

/**
 * An event folder: a 5-frame burst from body #111 (frame 2 in focus), two frames of the
 * same scene from body #222 whose clock runs an hour fast, another scene, the first scene
 * ten minutes later, a white and a black frame, and a file that is not a picture.
 */
async function eventFolder(): Promise<string> {
  const dir = await tempDir('captiondesk-analysis-event-');
  const A = { model: 'Canon EOS R6', serial: '111' };
  const B = { model: 'Canon EOS R5', serial: '222' };
  for (let i = 0; i < 5; i++)
    await writeFile(
      join(dir, `A_00${i}.jpg`),
      await sceneFrame(11, {
        ...A,
        dx: i - 2,
        noiseSeed: i + 1,
        blur: i === 2 ? 0 : 1.3,
        takenAt: exifTime(i),
      }),
    );
  for (const [i, s] of [1.5, 2.5].entries())
    await writeFile(
      join(dir, `B_00${i}.jpg`),
      await sceneFrame(11, {
        ...B,
        dx: 1,
        noiseSeed: 50 + i,
        blur: 1.3,
        takenAt: exifTime(3600 + s),
      }),
    );
  await writeFile(join(dir, 'C_other.jpg'), await sceneFrame(12, { ...A, takenAt: exifTime(5) }));
  await writeFile(
    join(dir, 'D_later.jpg'),
    await sceneFrame(11, { ...A, noiseSeed: 77, blur: 1.3, takenAt: exifTime(600) }),
  );
  await writeFile(join(dir, 'E_white.jpg'), await flatFrame(255));
  await writeFile(join(dir, 'F_black.jpg'), await flatFrame(0));
  await writeFile(join(dir, 'G_broken.jpg'), Buffer.from('not a jpeg at all, just text'));
  return dir;
}

async function setup() {
  const dir = await eventFolder();
  const state = await tempDir();
  const make = () =>
    createCore({
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: FIXTURES,
      mode: 'web',
      version: 't',
    });
  const events: ApiEvent[] = [];
  const cores: ReturnType<typeof make>[] = [];
  const open = async () => {
    const core = make();
    cores.push(core);
    core.on((e) => events.push(e));
    await core.api.openFolder({ path: dir });
    return core;
  };
  cleanup.push(async () => {
    for (const c of cores) await c.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });
  return { dir, open, events };
}

const byFile = (items: PhotoAnalysis[]) => new Map(items.map((a) => [a.file, a]));

describe('core: assisted culling', () => {
  it('analyses a folder in the background, caches per photo, and restacks when a camera clock is corrected', async () => {
    const { dir, open, events } = await setup();
    const before = await checksums(dir);
    const core = await open();

    const report = await core.api.analyzeFolder({ folder: dir });
    expect(report).toEqual({ analyzed: 11, cached: 0, failed: 1 });

    const { items, done, total } = await core.api.getAnalysis({ folder: dir });
    expect({ done, total }).toEqual({ done: 12, total: 12 });
    const a = byFile(items);
    for (let i = 0; i < 5; i++)
      expect(a.get(`A_00${i}.jpg`)).toMatchObject({
        stack: 'A_000.jpg',
        stackSize: 5,
        stackBest: i === 2,
        soft: false,
        exposure: 'ok',
        error: null,
      });
    // Body #222's clock is an hour out: its two frames stack together, apart from the burst.
    expect(a.get('B_000.jpg')).toMatchObject({ stack: 'B_000.jpg', stackSize: 2 });
    expect(a.get('C_other.jpg')).toMatchObject({ stack: null, stackSize: 1 });
    expect(a.get('D_later.jpg')).toMatchObject({ stack: null, stackSize: 1 });
    expect(a.get('E_white.jpg')).toMatchObject({ exposure: 'over', soft: true });
    expect(a.get('E_white.jpg')!.highlightsClipped).toBeGreaterThan(0.99);
    expect(a.get('F_black.jpg')).toMatchObject({ exposure: 'under' });
    const broken = a.get('G_broken.jpg')!;
    expect(broken.sharpness).toBeNull();
    expect(broken.error).toMatch(/^G_broken\.jpg: /);

    // Events: progress for the job, results in batches, the last one carrying every photo.
    const progress = events.filter((e) => e.type === 'progress' && e.job === 'analysis');
    expect(progress.at(-1)).toMatchObject({ done: 12, total: 12 });
    const ready = events.filter((e) => e.type === 'analysisReady');
    expect(ready.length).toBeGreaterThanOrEqual(1);
    for (const e of ready) expect(e.type === 'analysisReady' && e.items.length).toBeGreaterThan(0);
    const last = ready.at(-1)!;
    expect(last).toMatchObject({ folder: dir, done: 12, total: 12 });
    expect(last.type === 'analysisReady' && byFile(last.items)).toEqual(a);
    // The thumbnails the analysis had to build were announced to the grid too.
    expect(events.filter((e) => e.type === 'thumbnailReady')).toHaveLength(11);

    // A second run, in the same core and in a new one, measures nothing again.
    expect(await core.api.analyzeFolder({ folder: dir })).toEqual({
      analyzed: 0,
      cached: 12,
      failed: 0,
    });
    await core.close();
    const again = await open();
    expect(await again.api.getAnalysis({ folder: dir })).toMatchObject({ items: [], done: 0 });
    // The broken file is tried again (it may have been fixed); the rest comes from the cache.
    expect(await again.api.analyzeFolder({ folder: dir })).toEqual({
      analyzed: 0,
      cached: 11,
      failed: 1,
    });
    expect(byFile((await again.api.getAnalysis({ folder: dir })).items)).toEqual(a);

    // Correct body #222's clock: its frames now fall inside the burst.
    expect(await again.api.getClockOffsets({ folder: dir })).toEqual({});
    const saved = await again.api.setClockOffsets({
      folder: dir,
      offsets: { 'Canon EOS R5 #222': -3600, 'Canon EOS R6 #111': 0 },
    });
    expect(saved).toEqual({ 'Canon EOS R5 #222': -3600 });
    const restacked = events.at(-1)!;
    expect(restacked).toMatchObject({ type: 'analysisReady', done: 12, total: 12 });
    const r = byFile(restacked.type === 'analysisReady' ? restacked.items : []);
    expect(r.get('B_001.jpg')).toMatchObject({ stack: 'A_000.jpg', stackSize: 7 });
    expect(r.get('A_002.jpg')!.stackBest).toBe(true);
    expect(byFile((await again.api.getAnalysis({ folder: dir })).items)).toEqual(r);

    // Stored with the folder's state, and read back by a new core.
    const stateDir = (await again.api.openFolder({ path: dir })).folder.stateDir;
    expect(JSON.parse(await readFile(clockOffsetsPath(stateDir), 'utf8'))).toEqual(saved);
    await again.close();
    const third = await open();
    expect(await third.api.getClockOffsets({ folder: dir })).toEqual(saved);
    await third.api.analyzeFolder({ folder: dir });
    const third7 = byFile((await third.api.getAnalysis({ folder: dir })).items);
    expect(third7.get('B_000.jpg')).toMatchObject({ stack: 'A_000.jpg', stackSize: 7 });

    // Originals are untouched (the offsets file lives in .captiondesk/).
    const after = await checksums(dir);
    expect(after).toEqual(before);
  });

  it('reads the thumbnails the grid built, and waits for a running thumbnail job instead of decoding twice', async () => {
    const { dir, open, events } = await setup();
    const core = await open();
    const thumbs = core.api.buildThumbnails({ folder: dir });
    const report = await core.api.analyzeFolder({ folder: dir });
    expect(await thumbs).toMatchObject({ built: 11 });
    expect(report).toEqual({ analyzed: 11, cached: 0, failed: 1 });
    // Each picture was made into a thumbnail once, by the thumbnail job.
    const built = events.filter((e) => e.type === 'thumbnailReady').map((e) => e.file);
    expect(built).toHaveLength(11);
    expect(new Set(built).size).toBe(11);
  });

  it('lets a second caller join the running job', async () => {
    const { dir, open } = await setup();
    const core = await open();
    const [x, y] = await Promise.all([
      core.api.analyzeFolder({ folder: dir }),
      core.api.analyzeFolder({ folder: dir }),
    ]);
    expect(x).toBe(y);
  });

  it('names a damaged offsets file and still analyses', async () => {
    const { dir, open } = await setup();
    const core = await open();
    const stateDir = (await core.api.openFolder({ path: dir })).folder.stateDir;
    await core.api.setClockOffsets({ folder: dir, offsets: { X: 5 } });
    await writeFile(clockOffsetsPath(stateDir), '{ broken');
    const fresh = await open();
    await expect(fresh.api.getClockOffsets({ folder: dir })).rejects.toThrow(/clock-offsets\.json/);
    expect((await fresh.api.analyzeFolder({ folder: dir })).failed).toBe(1);
  });
});
