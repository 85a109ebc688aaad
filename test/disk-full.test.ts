import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, cp, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, toWireError, type WireError } from '../electron/contract/dispatch';
import { createCore } from '../electron/core/app-core';
import type { Core } from '../electron/core/app-core-types';
import { describeError } from '../renderer/errors/describe-error';
import { vi as viMessages } from '../renderer/i18n/vi';
import { FIXTURES, REPO, sha256 } from './helpers/fixtures';
import { SEED_SOURCES, smallPreset, twoPhotoSeedStructure } from './helpers/seed-package';

/**
 * A real full disk: the event folder, the data folder and the package output on a small
 * tmpfs, and a second one as the file:// share the outbox sends to, each filled with a
 * filler file until writes fail. Every operation then fails with the disk-full code and
 * the file it could not write; what was saved before is unchanged; and once the filler is
 * gone the same operations succeed.
 */

const MB = 1024 * 1024;

function mountTmpfs(dir: string, size: string): string | null {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return r.status === 0 ? null : `mount -t tmpfs failed: ${r.stderr.toString().trim()}`;
}
function unmount(dir: string): void {
  if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
}

// Mounted at load so that a machine that cannot mount skips with its reason.
const base = mkdtempSync(join(tmpdir(), 'captiondesk-diskfull-'));
const disk = join(base, 'disk');
const share = join(base, 'share');
let skip: string | null =
  process.getuid?.() === 0 ? null : 'needs root to mount a tmpfs (CI runs the tests as root)';
const mounted: string[] = [];
for (const [dir, size] of [
  [disk, '16m'],
  [share, '4m'],
] as const) {
  if (skip) break;
  spawnSync('mkdir', ['-p', dir]);
  skip = mountTmpfs(dir, size);
  if (!skip) mounted.push(dir);
}
if (skip) console.info(`disk full: skipped, ${skip}`);

const PHOTOS = ['DSC-2460.JPG', 'DSC-2496.JPG'];
const event = join(disk, 'event');
const out = join(disk, 'out', 'baolaocai-20241226-hoi-nghi.zip');
const sidecar = join(event, 'DSC-2460.xmp');

let core: Core;
let articleId = '';
let articleFile = '';
let destination = '';
const cases: string[] = [];

const call = (method: string, args: unknown) => dispatch(core.api, method, args);
/** The error the API answers with (what crosses IPC and HTTP), or a failure if it succeeded. */
async function failure(method: string, args: unknown): Promise<WireError> {
  try {
    await call(method, args);
  } catch (err) {
    return toWireError(err);
  }
  throw new Error(`${method} succeeded on a full disk`);
}

/** Writes a filler until the file system refuses: the disk is full. Returns its size. */
async function fill(root: string): Promise<number> {
  const fh = await open(join(root, 'filler'), 'w');
  let bytes = 0;
  try {
    for (const chunk of [MB, 64 * 1024, 4096, 512]) {
      const buf = Buffer.alloc(chunk, 0x5a);
      for (;;) {
        try {
          const { bytesWritten } = await fh.write(buf);
          bytes += bytesWritten;
          if (bytesWritten < chunk) break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    await fh.close();
  }
  return bytes;
}
const free = (root: string) => rm(join(root, 'filler'));

/**
 * Files a failed save may not leave behind: temp names of atomic writes and zips, and
 * lock files (an empty one, its pid refused by the full disk, would stall the next save).
 */
async function litter(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter((n) => /(^|\/)\.[^/]+\.tmp$|\.partial-[0-9a-f]+$|\.lock$|\.takeover$/.test(n));
}

const said = (e: WireError) => describeError(e, viMessages);

describe.skipIf(skip)('a real full disk', () => {
  beforeAll(async () => {
    await mkdir(event, { recursive: true });
    for (const n of PHOTOS) {
      await cp(join(FIXTURES, SEED_SOURCES[n]!), join(event, n));
      await chmod(join(event, n), 0o644);
    }
    await mkdir(join(share, 'desk'));
    core = createCore({
      dataDir: join(disk, 'data'),
      cacheDir: join(base, 'cache'),
      sampleDir: join(REPO, 'assets/sample-event'),
      mode: 'cli',
      version: '0.1.0-test',
    });
    // The work of the day, saved while there was room.
    await call('openFolder', { path: event });
    const a = (await call('importArticle', {
      folder: event,
      structure: await twoPhotoSeedStructure(),
    })) as { id: string };
    articleId = a.id;
    articleFile = join(event, '.captiondesk', 'articles', `${a.id}.json`);
    await call('saveArticle', {
      folder: event,
      article: {
        ...((await call('getArticle', { folder: event, id: a.id })) as object),
        byline: 'Tùng Lâm',
        authorInitials: 'tl',
      },
    });
    await call('setFields', {
      folder: event,
      files: PHOTOS,
      fields: { credit: 'Báo Lào Cai', byline: ['Tùng Lâm'], city: 'Lào Cai', country: 'Việt Nam' },
      culling: {},
    });
    await call('savePreset', { preset: smallPreset('nho', 800) });
    await call('buildPackage', { ...build(), preset: 'nho' });
    const d = (await call('saveDestination', { url: `file://${join(share, 'desk')}` })) as {
      id: string;
    };
    destination = d.id;
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    console.info(`disk full: ${cases.length} cases\n  ${cases.join('\n  ')}`);
  });

  const build = () => ({
    folder: event,
    articleId,
    out,
    outlet: 'baolaocai',
    initials: 'tl',
  });

  it('each save fails naming its file, the saved work stays, and all works again once space is freed', async () => {
    const before = {
      sidecar: await sha256(sidecar),
      article: await sha256(articleFile),
      package: await sha256(out),
    };
    const article = (await call('getArticle', { folder: event, id: articleId })) as {
      headline: string;
    };
    const filler = await fill(disk);
    console.info(`disk full: ${(filler / MB).toFixed(1)} MB of filler on the 16 MB tmpfs`);
    try {
      await whileFull(article, before);
    } finally {
      // Freed also when a check failed, so the next test starts with room.
      await free(disk);
    }
    // Room again: the same operations succeed.
    const saved = (await call('setFields', {
      folder: event,
      files: ['DSC-2460.JPG'],
      fields: { caption: 'Chú thích viết khi đĩa đã trống.' },
      culling: {},
    })) as { caption: string | null }[];
    expect(saved[0]!.caption).toBe('Chú thích viết khi đĩa đã trống.');
    expect(await readFile(sidecar, 'utf8')).toContain('Chú thích viết khi đĩa đã trống.');
    await call('saveArticle', { folder: event, article: { ...article, headline: 'Tiêu đề mới' } });
    expect(JSON.parse(await readFile(articleFile, 'utf8')).headline).toBe('Tiêu đề mới');
    const rebuilt = (await call('buildPackage', { ...build(), preset: 'nho' })) as {
      sha256: string;
    };
    expect(await sha256(out)).toBe(rebuilt.sha256);
    expect(rebuilt.sha256).not.toBe(before.package);
    expect(((await call('verifyPackage', { path: out })) as { ok: boolean }).ok).toBe(true);
  }, 60_000);

  type Before = { sidecar: string; article: string; package: string };

  async function whileFull(article: { headline: string }, before: Before) {
    // A caption save.
    const caption = await failure('setFields', {
      folder: event,
      files: ['DSC-2460.JPG'],
      fields: { caption: 'Chú thích viết khi đĩa đầy.' },
      culling: {},
    });
    expect(caption.code, caption.message).toBe('disk-full');
    expect(caption.params).toEqual({ path: 'DSC-2460.JPG' });
    expect(caption.message).toMatch(/DSC-2460/);
    cases.push(`caption save: ${caption.code} — ${said(caption)}`);

    // An article save.
    const saving = await failure('saveArticle', {
      folder: event,
      article: { ...article, headline: 'Tiêu đề viết khi đĩa đầy' },
    });
    expect(saving.code, saving.message).toBe('disk-full');
    expect(saving.params).toEqual({ path: articleFile });
    cases.push(`article save: ${saving.code} — ${said(saving)}`);

    // A package build over the one already there.
    const building = await failure('buildPackage', { ...build(), preset: 'nho' });
    expect(building.code, building.message).toBe('disk-full');
    expect(building.params).toEqual({ path: out });
    cases.push(`package build: ${building.code} — ${said(building)}`);

    // Sending: the data folder cannot hold the staged files.
    const staging = await failure('outboxEnqueue', {
      packagePath: out,
      destination,
      wait: true,
    });
    expect(staging.code, staging.message).toBe('disk-full');
    expect(staging.params).toEqual({ path: join(disk, 'data', 'outbox', 'staging') });
    expect(staging.message).toContain(out);
    cases.push(`outbox send, data folder full: ${staging.code} — ${said(staging)}`);

    // Nothing saved before changed, and no failed save left a temp file behind.
    expect(await sha256(sidecar)).toBe(before.sidecar);
    expect(await sha256(articleFile)).toBe(before.article);
    expect(await sha256(out)).toBe(before.package);
    expect(await litter(disk)).toEqual([]);
  }

  it('a send to a full share fails naming where, and is sent whole once there is room', async () => {
    await fill(share);
    // The data folder has room again (the first test freed it): staging works.
    const job = (await call('outboxEnqueue', { packagePath: out, destination, wait: true })) as {
      id: string;
      state: string;
      lastError: { code: string; message: string } | null;
    };
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('disk-full');
    expect(job.lastError?.message).toContain(join(share, 'desk'));
    expect(job.lastError?.message).toMatch(
      /\(sending baolaocai-20241226-hoi-nghi\/photos\/baolaocai-tl_dsc-2460\.jpg\)$/,
    );
    cases.push(
      `outbox, file:// share full: failed/${job.lastError?.code} — ${job.lastError?.message}`,
    );
    await free(share);
    const again = (await call('outboxRetry', { id: job.id, wait: true })) as { state: string };
    expect(again.state).toBe('done');
    const sent = join(share, 'desk', 'baolaocai-20241226-hoi-nghi');
    const names = await readdir(sent, { recursive: true });
    expect(names).toContain('READY');
    expect(names.some((n) => n.endsWith('.part'))).toBe(false);
    cases.push('outbox, after freeing the share: done, READY written, no .part left');
  }, 60_000);
});

afterAll(() => {
  // Always, also when a test failed: nothing of ours stays mounted.
  for (const dir of mounted.reverse()) unmount(dir);
  rmSync(base, { recursive: true, force: true });
});
