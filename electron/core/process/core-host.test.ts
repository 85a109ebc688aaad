/**
 * The core in a process of its own, for real: a forked child running the real core on
 * copies of real photos. Killed from outside it comes back with its folder open; a file
 * whose image work kills it twice is quarantined and the rest of the folder goes on.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../contract/api';
import { copyFixtures, REPO, tempDir } from '../../../test/helpers/fixtures';
import { MemorySecretStore } from '../outbox/secret-store';
import { startCoreHost, type HostedCore } from './core-host';
import { forkCore } from './fork-channel';

const CHILD = join(REPO, 'electron/core/process/core-child.ts');
const TSX = ['--import', 'tsx'];
const GOOD = ['canon-eos1300d-18mp.jpg', 'leica-t-orient8.jpg'];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function hosted(env: NodeJS.ProcessEnv = {}, files: string[] | 'all' = GOOD) {
  const dir = await copyFixtures(files === 'all' ? undefined : files);
  const state = await tempDir();
  const secrets = new MemorySecretStore();
  const events: ApiEvent[] = [];
  const host: HostedCore = await startCoreHost({
    init: {
      dataDir: join(state, 'data'),
      cacheDir: join(state, 'cache'),
      sampleDir: join(REPO, 'assets/sample-event'),
      mode: 'web',
      startFolder: null,
      version: 't',
    },
    spawn: () => forkCore(CHILD, { ...process.env, ...env }, TSX),
    secrets,
  });
  host.on((e) => events.push(e));
  cleanup.push(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });
  return { dir, state, host, events, secrets };
}

async function captionOf(host: HostedCore, folder: string, file: string) {
  const tiles = await host.api.listPhotos({ folder });
  return tiles.find((t) => t.file === file)?.caption;
}

const restartedTimes = (events: ApiEvent[]) => events.filter((e) => e.type === 'coreRestarted');

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('the core in its own process', () => {
  it('is started again after a kill -9, with its folder open and what was saved kept', async () => {
    const { dir, host, events } = await hosted();
    await host.api.openFolder({ path: dir });
    await host.api.setCaption({ folder: dir, file: GOOD[0]!, text: 'Quang cảnh hội nghị.' });
    const first = host.pid()!;
    process.kill(first, 'SIGKILL');
    await until('the restart', () => restartedTimes(events).length === 1);
    expect(host.pid()).not.toBe(first);
    expect(host.restarts()).toBe(1);
    expect(restartedTimes(events)[0]).toMatchObject({ reason: 'signal SIGKILL', restarts: 1 });
    // The folder is open in the new core (no openFolder from the UI), and the caption is there.
    expect(await captionOf(host, dir, GOOD[0]!)).toBe('Quang cảnh hội nghị.');
    await host.api.setCaption({ folder: dir, file: GOOD[1]!, text: 'Sau sự cố.' });
    expect(await captionOf(host, dir, GOOD[1]!)).toBe('Sau sự cố.');
  }, 60_000);

  it('a call running when the core dies gets a clear error; the next one works', async () => {
    // Every fixture: thumbnails for a few seconds, so the kill lands while they are built.
    const { dir, state, host, events } = await hosted({}, 'all');
    await host.api.openFolder({ path: dir });
    const running = host.api.buildThumbnails({ folder: dir });
    await until('thumbnails under way', () =>
      events.some((e) => e.type === 'progress' && e.job === 'thumbnails' && e.done > 0),
    );
    process.kill(host.pid()!, 'SIGKILL');
    await expect(running).rejects.toMatchObject({ code: 'core-crashed' });
    const report = await host.api.buildThumbnails({ folder: dir });
    const tiles = await host.api.listPhotos({ folder: dir });
    expect(report.built + report.cached + report.failed.length).toBe(tiles.length);
    // Only the fixtures that never decode here fail; the photos under work at the kill
    // got a strike, and their safe second run cleared it.
    expect(report.failed.map((f) => f.code)).not.toContain('photo-quarantined');
    const health = JSON.parse(await readFile(join(state, 'data/core-health.json'), 'utf8')) as {
      strikes: Record<string, number>;
    };
    expect(health.strikes).toEqual({});
  }, 60_000);

  it('a file whose image work kills the core twice is quarantined; the rest goes on', async () => {
    const { dir, state, host, events } = await hosted({
      CAPTIONDESK_TEST_CRASH_ON_IMAGE: 'bad-frame',
    });
    await cp(join(dir, GOOD[0]!), join(dir, 'bad-frame.jpg'));
    await host.api.openFolder({ path: dir });
    for (let attempt = 1; attempt <= 2; attempt++)
      await expect(host.api.buildThumbnails({ folder: dir })).rejects.toMatchObject({
        code: 'core-crashed',
      });
    await until('the second restart', () => restartedTimes(events).length === 2);
    expect(restartedTimes(events)[1]).toMatchObject({ quarantined: ['bad-frame.jpg'] });
    const report = await host.api.buildThumbnails({ folder: dir });
    expect(report.failed).toEqual([
      expect.objectContaining({ file: 'bad-frame.jpg', code: 'photo-quarantined' }),
    ]);
    expect(report.built + report.cached).toBe(GOOD.length);
    const health = JSON.parse(await readFile(join(state, 'data/core-health.json'), 'utf8')) as {
      quarantined: string[];
    };
    expect(health.quarantined).toEqual([join(dir, 'bad-frame.jpg')]);
    expect(host.restarts()).toBe(2);
  }, 90_000);

  it('asks the host for passwords, so they live where the UI process keeps them', async () => {
    const { host, secrets } = await hosted();
    const d = await host.api.saveDestination({
      url: 'sftp://ana@127.0.0.1:2222/in',
      password: 'bí mật',
    });
    expect(await secrets.get(`outbox:${d.id}:password`)).toBe('bí mật');
    expect(d.hasPassword).toBe(true);
  }, 60_000);
});
