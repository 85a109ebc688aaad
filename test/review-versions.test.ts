import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../electron/core/app-core-types';
import type { ArgsOf } from '../electron/contract/api';
import { tempDir } from './helpers/fixtures';
import { imageData, smallPackage, writePackage } from './helpers/review-package';
import { coreIn } from './helpers/fixture-core';

describe('review versions: reorder, drop, headline, history chain, refusals', () => {
  let root: string;
  let core: Core;
  let v1: string;
  const review = (args: Partial<ArgsOf<'saveReview'>> & { path: string }) =>
    core.api.saveReview({
      reviewer: 'Biên tập',
      role: 'editor',
      decision: 'edited',
      note: null,
      edits: {},
      comments: [],
      ...args,
    } as Parameters<Core['api']['saveReview']>[0]);

  beforeAll(async () => {
    root = await tempDir('captiondesk-versions-');
    core = coreIn(root);
    await mkdir(join(root, 'pkg'));
    v1 = await writePackage(join(root, 'pkg', 'bai.zip'), await smallPackage());
  });
  afterAll(async () => {
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  it('reorders photos (ids stay with them) and drops one, each as a new version', async () => {
    const r2 = await review({ path: v1, edits: { photoOrder: ['p2', 'p1'] } });
    expect(r2.changes).toEqual(['Photos reordered']);
    const o2 = await core.api.openPackage({ path: r2.path });
    expect(o2.manifest.article.body.filter((b) => b.type === 'photo')).toEqual([
      { type: 'photo', id: 'b2', photo: 'p2', caption: 'Đại biểu phát biểu tại hội nghị.' },
      { type: 'photo', id: 'b3', photo: 'p1', caption: 'Quang cảnh hội nghị.' },
    ]);
    const d2 = await core.api.diffPackages({ a: v1, b: r2.path });
    expect(d2.photos).toEqual({
      added: [],
      removed: [],
      reordered: true,
      before: ['DSC-2400.JPG', 'DSC-2410.JPG'],
      after: ['DSC-2410.JPG', 'DSC-2400.JPG'],
    });
    expect(d2.captions).toEqual([]);

    const r3 = await review({ path: r2.path, edits: { dropPhotos: ['p1'] } });
    expect(r3.path).toBe(join(root, 'pkg', 'bai-v3.zip'));
    const o3 = await core.api.openPackage({ path: r3.path });
    expect(o3.manifest.photos.map((p) => p.id)).toEqual(['p2']);
    expect(o3.manifest.article.body.map((b) => b.id)).toEqual(['b1', 'b2']);
    const d3 = await core.api.diffPackages({ a: v1, b: r3.path });
    expect(d3.photos.removed).toEqual([{ id: 'p1', sourceFile: 'DSC-2400.JPG' }]);
    expect(d3.text).toContain('Photo removed: p1 (DSC-2400.JPG)');
    expect((await core.api.verifyPackage({ path: r3.path })).ok).toBe(true);
  });

  it('a headline edit is written into every photo, image data untouched', async () => {
    const r = await review({
      path: v1,
      out: join(root, 'pkg', 'headline.zip'),
      edits: { headline: 'Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh lần thứ 8' },
    });
    expect(r.rewritten).toEqual(['p1', 'p2']);
    const before = await core.api.openPackage({ path: v1 });
    const after = await core.api.openPackage({ path: r.path });
    for (const [i, p] of after.photos.entries()) {
      expect(p.embedded.headline).toBe('Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh lần thứ 8');
      expect(p.embedded.caption).toBe(before.photos[i]!.caption);
      expect(imageData(await readFile(p.localPath))).toEqual(
        imageData(await readFile(before.photos[i]!.localPath)),
      );
    }
  });

  it('verify checks the link to the previous version beside the package', async () => {
    const r = await review({
      path: v1,
      out: join(root, 'pkg', 'chain-v2.zip'),
      decision: 'approved',
    });
    // Its parent is not beside it under the name chain.zip / chain-v1.zip: a note, not a failure.
    expect(await core.api.verifyPackage({ path: r.path })).toEqual({
      ok: true,
      problems: [],
      notes: ['history: version 1 is not beside this package, so the chain to it was not checked'],
    });
    await copyFile(v1, join(root, 'pkg', 'chain.zip'));
    expect(await core.api.verifyPackage({ path: r.path })).toEqual({ ok: true, problems: [] });
    // Another package put in its parent's place breaks the chain.
    const other = await smallPackage(['Chú thích khác.', 'Ảnh hai.']);
    await rm(join(root, 'pkg', 'chain.zip'));
    await writePackage(join(root, 'pkg', 'chain.zip'), other);
    const broken = await core.api.verifyPackage({ path: r.path });
    expect(broken.ok).toBe(false);
    expect(broken.problems).toEqual([
      {
        file: 'manifest.json',
        message: expect.stringMatching(
          /^history: version 2 was made from a manifest with sha256 [0-9a-f]{64}, but chain\.zip has [0-9a-f]{64}$/,
        ),
      },
    ]);
  });

  it('importReview needs the article in the folder', async () => {
    const folder = await tempDir('captiondesk-reporter-');
    try {
      await core.api.openFolder({ path: folder });
      await expect(core.api.importReview({ folder, path: v1 })).rejects.toMatchObject({
        code: 'article-not-found',
        kind: 'not-found',
        params: { id: 'a-review-test' },
        message: expect.stringMatching(/a-review-test/),
      });
      expect(await core.api.getReview({ folder, articleId: 'a-review-test' })).toBeNull();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses incomplete or impossible reviews, writing nothing', async () => {
    await expect(
      review({ path: v1, decision: 'returned', out: join(root, 'x.zip') }),
    ).rejects.toThrow(/needs a note/);
    await expect(
      review({ path: v1, out: join(root, 'x.zip'), comments: [{ target: 'b99', text: 'x' }] }),
    ).rejects.toThrow(/Comment target b99/);
    await expect(
      review({ path: v1, out: join(root, 'x.zip'), edits: { captions: { p9: 'x' } } }),
    ).rejects.toThrow(/p9: no photo/);
    await expect(
      review({ path: v1, out: join(root, 'x.zip'), edits: { photoOrder: ['p1'] } }),
    ).rejects.toThrow(/photoOrder must list each photo/);
    await expect(review({ path: v1, out: join(root, 'x.zip'), reviewer: ' ' })).rejects.toThrow(
      /reviewer/,
    );
    await expect(readFile(join(root, 'x.zip'))).rejects.toThrow();

    const ui = coreIn(join(root, 'ui'), 'electron', 't');
    try {
      await expect(
        ui.api.saveReview({
          path: v1,
          reviewer: 'x',
          role: 'editor',
          decision: 'approved',
          edits: {},
          comments: [],
          out: join(root, 'anywhere.zip'),
        }),
      ).rejects.toMatchObject({ code: 'cli-only', kind: 'forbidden' });
    } finally {
      await ui.close();
    }
  });
});
