/**
 * Package history from the core: packages built by the app and by the CLI (another
 * process) are recorded with the event folder and listed from the zips on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvent, PackageEntry } from '../electron/contract/api';
import type { Core } from '../electron/core/app-core-types';
import { packageJournalPath } from '../electron/core/package/package-journal';
import { checksums, sha256, tempDir } from './helpers/fixtures';
import { copyGalleryPhotos, GALLERY_ARTICLE } from './helpers/gallery-article';
import { importArticle, runCli as cli } from './helpers/run-cli';
import { coreIn } from './helpers/fixture-core';

type PackagesChanged = Extract<ApiEvent, { type: 'packagesChanged' }>;

describe('package history from the core', () => {
  let dir: string;
  let state: string;
  let env: Record<string, string>;
  let core: Core;
  let articleId: string;
  let cliZip: string;
  let appZip: string;
  let before: Map<string, string>;
  const events: PackagesChanged[] = [];

  beforeAll(async () => {
    dir = await tempDir('captiondesk-pkg-history-');
    state = await tempDir();
    env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
    };
    await copyGalleryPhotos(dir);
    before = await checksums(dir);
    // The CLI, in its own process, before the app opens the folder.
    articleId = await importArticle(dir, GALLERY_ARTICLE, join(state, 'structure.json'), env);
    cliZip = join(state, 'out', 'from-cli.zip');
    const built = await cli(
      ['package', dir, '--article', articleId, '--out', cliZip, '--outlet', 'baolaocai'],
      env,
    );
    expect(built.code, built.out).toBe(0);

    core = coreIn(join(state, 'app'), 'web');
    core.on((e) => {
      if (e.type === 'packagesChanged') events.push(e);
    });
    await core.api.openFolder({ path: dir });
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('lists a package the CLI built elsewhere, from its record and its manifest', async () => {
    const list = await core.api.listPackages({ folder: dir, articleId });
    expect(list).toEqual([
      {
        path: cliZip,
        status: 'ok',
        source: 'recorded',
        articleId,
        headline: 'Hội nghị Ban Chấp hành',
        version: 1,
        bytes: expect.any(Number) as number,
        photos: 2,
        builtAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as string,
        valid: null,
      },
    ]);
    expect(await core.api.listPackages({ folder: dir, articleId: 'a-other' })).toEqual([]);
    // The CLI lists it too.
    const listed = await cli(['packages', dir, '--article', articleId], env);
    expect(listed.code, listed.out).toBe(0);
    expect(listed.out.trim()).toMatch(new RegExp(`^ok\tunverified\tv1\t2 photos\t.+\t${cliZip}$`));
  }, 30_000);

  it('records a package built through the core, announces it, and its verdict', async () => {
    const built = await core.api.buildPackage({ folder: dir, articleId, outlet: 'baolaocai' });
    appZip = built.path;
    expect(appZip.startsWith(join(dir, 'packages'))).toBe(true);
    const announced = events.at(-1);
    expect(announced?.folder).toBe(dir);
    expect(announced?.articleId).toBe(articleId);
    expect(announced?.packages.map((p) => p.path)).toEqual([appZip, cliZip]);
    expect(announced?.packages[0]?.valid).toBeNull();

    const verdict = await core.api.verifyPackage({ path: appZip });
    expect(verdict.ok).toBe(true);
    expect(events.at(-1)?.packages[0]).toMatchObject({ path: appZip, valid: true });
    const list = await core.api.listPackages({ folder: dir });
    expect(list.map((p) => [p.path, p.status, p.valid])).toEqual([
      [appZip, 'ok', true],
      [cliZip, 'ok', null],
    ]);
    expect(list[0]?.bytes).toBe(built.bytes);
    // Inside the folder the record is relative, so it travels with the folder.
    const journal = await readFile(packageJournalPath(dir), 'utf8');
    expect(journal).toContain('"path":"packages/');
    expect(journal).toContain(JSON.stringify(cliZip));
  }, 60_000);

  it('shows a deleted zip as missing instead of dropping it', async () => {
    await rm(cliZip);
    const list = await core.api.listPackages({ folder: dir, articleId });
    expect(list.find((p) => p.path === cliZip)).toMatchObject({
      status: 'missing',
      source: 'recorded',
      photos: 2,
      valid: null,
    });
    expect(list).toHaveLength(2);
  });

  it('lists a zip found in packages/ without a record, and skips one that is no package', async () => {
    const copy = join(dir, 'packages', 'copied-here.zip');
    await copyFile(appZip, copy);
    await writeFile(join(dir, 'packages', 'not-a-package.zip'), 'PK but not really');
    const list = await core.api.listPackages({ folder: dir, articleId });
    const found = list.find((p) => p.path === copy);
    expect(found).toMatchObject({ status: 'ok', source: 'found', articleId, photos: 2 });
    expect(list.map((p) => p.path)).not.toContain(join(dir, 'packages', 'not-a-package.zip'));
    await rm(copy);
    await rm(join(dir, 'packages', 'not-a-package.zip'));
  });

  it('lists a rebuild once, unverified again: a verdict holds only for the bytes it read', async () => {
    await core.api.buildPackage({ folder: dir, articleId, outlet: 'baolaocai' });
    const list = await core.api.listPackages({ folder: dir, articleId });
    expect(list.filter((p) => p.path === appZip)).toEqual([
      expect.objectContaining({ status: 'ok', valid: null }),
    ]);
  }, 60_000);

  it('shows a zip replaced by something unreadable as unreadable', async () => {
    await writeFile(appZip, 'no longer a zip');
    const list = await core.api.listPackages({ folder: dir, articleId });
    const entry = list.find((p) => p.path === appZip) as PackageEntry;
    expect(entry.status).toBe('unreadable');
    expect(entry.valid).toBeNull();
    // The photos the user brought are untouched by all of this.
    for (const [name, sum] of before) expect(await sha256(join(dir, name))).toBe(sum);
  });
});
