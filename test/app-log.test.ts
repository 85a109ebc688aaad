/**
 * The app's log (issue 12): the real core writes job outcomes and failed calls to
 * <dataDir>/logs/captiondesk.log, one JSON object a line, never a password; logInfo and
 * `captiondesk log` show it; a log on a full device (/dev/full) loses its lines and
 * nothing else.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../electron/contract/api';
import { fixtureCore } from './helpers/fixture-core';
import { REPO, tempDir } from './helpers/fixtures';
import { cameraJpeg, SERIAL_A } from './helpers/make-card';
import { runCli } from './helpers/run-cli';
import { packageSeed, seedFolder } from './helpers/seed-package';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

type Entry = Record<string, unknown> & { level: string; event: string; time: string };

async function entries(path: string): Promise<Entry[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);
}

describe('the core writes its log', () => {
  it('package built and failed, ingest done, failed calls and uncaught errors; no password', async () => {
    const { core, state } = await fixtureCore((fn) => cleanup.push(fn), []);
    const dir = await seedFolder();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const info = await core.api.logInfo({ lines: 10 });
    expect(info.path).toBe(join(state, 'data', 'logs', 'captiondesk.log'));
    expect(info.dir).toBe(join(state, 'data', 'logs'));

    // Package built, then failed (a photo of the article gone from disk).
    const out = join(state, 'pkg.zip');
    const { articleId, path: built } = await packageSeed(core, dir, out);
    await rm(join(dir, 'DSC-2496.JPG'));
    await expect(
      core.api.buildPackage({
        folder: dir,
        articleId,
        out: join(state, 'pkg2.zip'),
        outlet: 'baolaocai',
        initials: 'tl',
      }),
    ).rejects.toThrow();

    // The package sent through the outbox to a folder: the job's outcome is logged.
    const inbox = join(state, 'inbox');
    await mkdir(inbox);
    const d = await core.api.saveDestination({ url: `file://${inbox}` });
    const job = await core.api.outboxEnqueue({ packagePath: built, destination: d.id, wait: true });
    expect(job.state).toBe('done');

    // Ingest done.
    const card = join(state, 'card', 'DCIM', '100CANON');
    await mkdir(card, { recursive: true });
    await writeFile(
      join(card, 'IMG_0001.JPG'),
      await cameraJpeg(
        { serial: SERIAL_A, model: 'Canon EOS R6', taken: '2026:11:20 09:15:00' },
        1,
      ),
    );
    const to = join(state, 'event');
    await core.api.ingest(contract.ingest.args.parse({ sources: [join(state, 'card')], to }));

    // A failed call whose arguments and message hold a password.
    await expect(
      core.api.saveDestination(
        contract.saveDestination.args.parse({
          url: 'gopher://reporter:hunter2-secret@example.org/',
          password: 'hunter2-secret',
        }),
      ),
    ).rejects.toThrow();
    // An error the core did not mean: arguments that skipped validation.
    await expect(
      core.api.setFields({ folder: dir, files: ['DSC-2403.JPG'], fields: {} } as never),
    ).rejects.toThrow(TypeError);

    // The outbox logs its outcome once the job has settled, which the wait above may beat.
    await core.log.flush();
    let log = await entries(info.path);
    while (!log.some((x) => x.event === 'outbox-job-done')) {
      await new Promise((r) => setTimeout(r, 20));
      await core.log.flush();
      log = await entries(info.path);
    }
    const byEvent = (e: string) => log.filter((x) => x.event === e);
    expect(byEvent('package-built')[0]).toMatchObject({ level: 'info', articleId, path: built });
    expect(byEvent('package-failed')[0]).toMatchObject({ level: 'error', articleId });
    expect(JSON.stringify(byEvent('package-failed')[0])).toContain('DSC-2496');
    expect(byEvent('outbox-job-done')[0]).toMatchObject({
      level: 'info',
      id: job.id,
      package: built,
      destination: d.id,
    });
    expect(byEvent('ingest-done')[0]).toMatchObject({ level: 'info', copied: 1, failed: 0, to });
    expect(byEvent('call-failed').find((x) => x.method === 'saveDestination')).toMatchObject({
      level: 'warn',
      code: 'destination-invalid',
    });
    const uncaught = byEvent('uncaught')[0]!;
    expect(uncaught).toMatchObject({ level: 'error', method: 'setFields' });
    expect(JSON.stringify(uncaught.error)).toContain('TypeError');
    for (const e of log) expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const text = await readFile(info.path, 'utf8');
    expect(text).not.toContain('hunter2');

    // logInfo gives the same lines, the last ones, oldest first.
    const last = await core.api.logInfo({ lines: 3 });
    expect(last.lines).toEqual(text.trim().split('\n').slice(-3));
    expect(last.dropped).toBe(0);
  }, 120_000);

  it('a log on a full device drops its lines and the app goes on', async () => {
    const { core, state, dir } = await fixtureCore(
      (fn) => cleanup.push(fn),
      ['dpa-wire-iptc-utf8.jpg'],
    );
    const logs = join(state, 'data', 'logs');
    await mkdir(logs, { recursive: true });
    await symlink('/dev/full', join(logs, 'captiondesk.log'));
    await expect(core.api.scan({ folder: join(state, 'missing') })).rejects.toThrow(/missing/);
    await core.log.flush();
    const photos = await core.api.scan({ folder: dir });
    expect(photos.map((p) => p.file)).toEqual(['dpa-wire-iptc-utf8.jpg']);
    const info = await core.api.logInfo({ lines: 5 });
    expect(info.dropped).toBeGreaterThan(0);
    expect(info.lines).toEqual([]);
  });
});

describe('an error that ends the process', () => {
  it.each(['throw', 'reject'])('is in the log before the process dies (%s)', async (kind) => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const code = await new Promise<number | null>((done) =>
      execFile(
        join(REPO, 'node_modules/.bin/tsx'),
        [join(REPO, 'test/helpers/crash-child.ts'), dataDir, kind],
        (err) => done(err ? ((err as { code?: number }).code ?? null) : 0),
      ),
    );
    // It still crashes: the monitor only watches.
    expect(code).not.toBe(0);
    const [entry] = await entries(join(dataDir, 'logs', 'captiondesk.log'));
    expect(entry).toMatchObject({ level: 'error', event: 'uncaught-exception' });
    expect(JSON.stringify(entry)).toContain(`core fell over (${kind})`);
    expect(JSON.stringify(entry)).not.toContain('tok-secret-123');
  });
});

describe('captiondesk log', () => {
  it('prints the log file and its last lines; --lines must be a number', async () => {
    const state = await tempDir();
    cleanup.push(() => rm(state, { recursive: true, force: true }));
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    // Something to log: a CLI call that fails in the core.
    const failed = await runCli(['scan', join(state, 'nowhere')], env);
    expect(failed.code, failed.out).not.toBe(0);
    const r = await runCli(['log', '--lines', '2'], env);
    expect(r.code, r.out).toBe(0);
    const [path, ...lines] = r.stdout.trim().split('\n');
    expect(path).toBe(join(state, 'data', 'logs', 'captiondesk.log'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ event: 'call-failed', method: 'scan' });
    const json = await runCli(['log', '--json', '--lines', '0'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ path, lines: [], dropped: 0 });
    const bad = await runCli(['log', '--lines', 'many'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--lines takes a whole number/);
  }, 120_000);
});
