import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { ApiEvent } from '../electron/contract/api';
import type { OpenFolder } from '../electron/core/folders/folder-registry';
import type { IndexedPhoto } from '../electron/core/folders/photo-index';
import { FolderAnalysis } from '../electron/core/analysis/folder-analysis';
import { sceneFrame } from './helpers/analysis-scenes';
import { tempDir } from './helpers/fixtures';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** Only what the analysis reads of a photo: its file, capture time and camera. */
const photo = (file: string) =>
  ({
    entry: { file },
    photo: { file, capturedAt: null, make: null, model: 'M', serial: null },
  }) as unknown as IndexedPhoto;

async function fixture() {
  const dir = await tempDir('captiondesk-analysis-job-');
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const folder = {
    info: { path: dir, stateDir: dir },
    photos: new Map([photo('a.jpg'), photo('b.jpg')].map((p) => [p.entry.file, p])),
    thumbJob: null,
  } as unknown as OpenFolder;
  const events: ApiEvent[] = [];
  let started: () => void = () => undefined;
  /** The job has listed its photos (its first progress event). */
  const listed = new Promise<void>((r) => (started = r));
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const picture = await sceneFrame(21);
  const analysis = new FolderAnalysis(folder, {
    cacheDir: dir,
    emit: (e) => {
      events.push(e);
      if (e.type === 'progress') started();
    },
    thumbKey: (p) => `key-${p.entry.file}`,
    thumbnail: async (p) => {
      // The first photo's thumbnail is slow: the job is still running while we call again.
      if (p.entry.file === 'a.jpg') await gate;
      return picture;
    },
  });
  return { folder, analysis, events, release, listed };
}

describe('FolderAnalysis job', () => {
  it('gives photos that arrive during a run one more pass before the joined caller returns', async () => {
    const { folder, analysis, events, release, listed } = await fixture();
    const first = analysis.analyze();
    await listed;
    folder.photos.set('c.jpg', photo('c.jpg'));
    const joined = analysis.analyze();
    expect(joined).toBe(first);
    release();
    expect(await joined).toEqual({ analyzed: 3, cached: 0, failed: 0 });
    const snap = analysis.snapshot();
    expect(snap.items.map((a) => a.file).sort()).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(snap).toMatchObject({ done: 3, total: 3 });
    // Same picture three times without capture times: near-duplicates, one stack.
    expect(snap.items.every((a) => a.stack === 'a.jpg' && a.stackSize === 3)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'progress', job: 'analysis', done: 3, total: 3 });
  });

  it('reports what it knows while running, and counts known photos as cached on the next call', async () => {
    const { analysis, release, listed } = await fixture();
    const run = analysis.analyze();
    await listed;
    const partial = analysis.snapshot();
    expect(partial.total).toBe(2);
    expect(partial.items.map((a) => a.file)).not.toContain('a.jpg');
    release();
    await run;
    expect(await analysis.analyze()).toEqual({ analyzed: 0, cached: 2, failed: 0 });
  });
});
