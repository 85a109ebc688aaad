import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../electron/core/app-core-types';
import type { ResultOf } from '../electron/contract/api';
import { tempDir } from './helpers/fixtures';
import { exiftool, hasExiftool } from './helpers/exiftool';
import { packageSeed, seedFolder } from './helpers/seed-package';
import { imageData, sha256 } from './helpers/review-package';
import { coreIn } from './helpers/fixture-core';

type Opened = ResultOf<'openPackage'>;

/**
 * The round trip. Versions: v1 the reporter's package, v2 the editor's return,
 * v3 the reporter's fixed package, v4 the editor's approval. Each is a new file; none is
 * ever rewritten.
 */
describe('review round trip: package, return, fix, approve, diff', () => {
  let dir: string;
  let state: string;
  let out: string;
  let reporter: Core;
  let editor: Core;
  let articleId: string;
  const v = (n: number) => join(out, n === 1 ? 'seed.zip' : `seed-v${n}.zip`);
  let v1Bytes: Buffer;
  let opened1: Opened;
  const byType = (o: Opened, type: string) =>
    o.manifest.article.body.filter((b) => b.type === type);

  // The editor's edits, in Vietnamese: a changed word, a changed diacritic (ủy → uỷ), an insertion.
  const edits = {
    caption1: ['Quang cảnh hội nghị.', 'Toàn cảnh hội nghị.'],
    caption2: [
      'Phó Bí thư Tỉnh ủy Hoàng Giang phát biểu tại hội nghị.',
      'Phó Bí thư Tỉnh uỷ Hoàng Giang phát biểu chỉ đạo tại hội nghị.',
    ],
  };
  let paragraphId: string;
  let paragraphBefore: string;
  let paragraphAfter: string;

  beforeAll(async () => {
    dir = await seedFolder();
    state = await tempDir('captiondesk-roundtrip-');
    out = join(state, 'out');
    await mkdir(out);
    reporter = coreIn(join(state, 'reporter'));
    editor = coreIn(join(state, 'editor'));
    ({ articleId } = await packageSeed(reporter, dir, v(1)));
    v1Bytes = await readFile(v(1));
  }, 120_000);

  afterAll(async () => {
    await reporter.close();
    await editor.close();
    await rm(dir, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  });

  it('1-2. the editor opens v1: every file checked, photos served from the work area', async () => {
    opened1 = await editor.api.openPackage({ path: v(1) });
    expect(opened1.version).toBe(1);
    expect(opened1.checks.every((c) => c.ok)).toBe(true);
    expect(opened1.checks).toHaveLength(3 + opened1.manifest.photos.length);
    expect(opened1.workDir.startsWith(join(state, 'editor', 'data', 'review'))).toBe(true);
    for (const p of opened1.photos) {
      expect(p.captionMatches, p.file).toBe(true);
      expect(p.embedded.caption, p.file).toBe(p.caption);
      const media = await editor.resolveMedia(p.media);
      expect(media && 'path' in media ? media.path : null).toBe(p.localPath);
    }
    expect(opened1.photos[0]!.caption).toBe(edits.caption1[0]);
    expect(opened1.photos[1]!.caption).toBe(edits.caption2[0]);
    const para = byType(opened1, 'paragraph')[1]!;
    paragraphId = para.id;
    paragraphBefore = para.type === 'paragraph' ? para.text : '';
    expect(paragraphBefore).toContain('biểu dương');
    paragraphAfter = paragraphBefore.replace('biểu dương', 'đánh giá cao');
  });

  it('3. the editor edits two captions and a paragraph, comments, and returns it as v2', async () => {
    const r = await editor.api.saveReview({
      path: v(1),
      reviewer: 'Nguyễn Thị Biên Tập',
      role: 'editor',
      decision: 'returned',
      note: 'Sửa chú thích ảnh 3 và kiểm tra lại số liệu.',
      edits: {
        captions: { p1: edits.caption1[1]!, p2: edits.caption2[1]! },
        paragraphs: { [paragraphId]: paragraphAfter },
      },
      comments: [
        { target: 'article', text: 'Tít dài quá, rút gọn dưới 15 chữ.' },
        { target: paragraphId, text: 'Kiểm tra lại con số.' },
        { target: 'p3', text: 'Ảnh này có bị nghiêng không?' },
      ],
    });
    expect(r.path).toBe(v(2));
    expect(r.version).toBe(2);
    expect(r.rewritten.sort()).toEqual(['p1', 'p2']);
    expect(r.changes).toEqual([
      `Paragraph ${paragraphId} edited`,
      'Caption of p1 (DSC-2409.JPG) edited',
      'Caption of p2 (DSC-2419.JPG) edited',
      'Comment on article',
      `Comment on ${paragraphId}`,
      'Comment on p3',
    ]);
    // The reviewed version is only read.
    expect(Buffer.compare(await readFile(v(1)), v1Bytes)).toBe(0);
    // And a version is never overwritten.
    await expect(
      editor.api.saveReview({
        path: v(1),
        reviewer: 'x',
        role: 'editor',
        decision: 'approved',
        edits: {},
        comments: [],
      }),
    ).rejects.toThrow(/already exists/);
  });

  it('4. the reporter imports the review: the comments are visible beside the article', async () => {
    const imported = await reporter.api.importReview({ folder: dir, path: v(2) });
    expect(imported.articleId).toBe(articleId);
    expect(imported.decision).toBe('returned');
    expect(imported.note).toBe('Sửa chú thích ảnh 3 và kiểm tra lại số liệu.');
    const review = await reporter.api.getReview({ folder: dir, articleId });
    expect(review!.comments.map((c) => [c.target, c.by, c.version])).toEqual([
      ['article', 'Nguyễn Thị Biên Tập', 2],
      [paragraphId, 'Nguyễn Thị Biên Tập', 2],
      ['p3', 'Nguyễn Thị Biên Tập', 2],
    ]);
    expect(review!.photos.find((p) => p.id === 'p1')!.caption).toBe(edits.caption1[1]);
    // An older version cannot be imported over it.
    await expect(reporter.api.importReview({ folder: dir, path: v(1) })).rejects.toMatchObject({
      code: 'review-newer-imported',
      kind: 'conflict',
    });
  });

  it("5. the reporter takes the editor's edits and packages again: v3 continues the history", async () => {
    const review = (await reporter.api.getReview({ folder: dir, articleId }))!;
    for (const p of review.photos.filter((x) => x.id === 'p1' || x.id === 'p2'))
      await reporter.api.setCaption({ folder: dir, file: p.sourceFile, text: p.caption });
    const article = await reporter.api.getArticle({ folder: dir, id: articleId });
    await reporter.api.saveArticle({
      folder: dir,
      article: {
        ...article,
        body: article.body.map((b) =>
          b.id === paragraphId && b.type === 'paragraph' ? { ...b, text: paragraphAfter } : b,
        ),
      },
    });
    await reporter.api.buildPackage({
      folder: dir,
      articleId,
      out: v(3),
      outlet: 'baolaocai',
      initials: 'tl',
    });
    const v3 = await editor.api.openPackage({ path: v(3) });
    expect(v3.version).toBe(3);
    expect(v3.manifest.history.map((h) => [h.version, h.role, h.decision])).toEqual([
      [1, 'reporter', 'submitted'],
      [2, 'editor', 'returned'],
      [3, 'reporter', 'submitted'],
    ]);
    expect(v3.manifest.comments).toHaveLength(3);
    const v2 = await editor.api.openPackage({ path: v(2) });
    expect(v3.manifest.history[2]!.previousManifestSha256).toBe(v2.manifestSha256);
    expect(v3.manifest.history[2]!.changes).toEqual([]);

    // From the app (not the CLI) the package goes to the folder's packages/, named as version 3.
    const app = coreIn(join(state, 'reporter'), 'electron');
    try {
      await app.api.openFolder({ path: dir });
      const built = await app.api.buildPackage({
        folder: dir,
        articleId,
        outlet: 'baolaocai',
        initials: 'tl',
      });
      expect(built.path.startsWith(join(dir, 'packages'))).toBe(true);
      expect(built.path).toMatch(/-v3\.zip$/);
      expect(built.sha256).toBe(sha256(await readFile(v(3))));
    } finally {
      await app.close();
    }
  }, 120_000);

  it('6. the editor approves v3 as v4', async () => {
    const r = await editor.api.saveReview({
      path: v(3),
      reviewer: 'Nguyễn Thị Biên Tập',
      role: 'editor',
      decision: 'approved',
      note: null,
      edits: {},
      comments: [],
    });
    expect(r.path).toBe(v(4));
    expect(r.changes).toEqual([]);
    expect(r.rewritten).toEqual([]);
  });

  it('7. diff v1 v4 shows exactly the edits, word by word', async () => {
    const d = await editor.api.diffPackages({ a: v(1), b: v(4) });
    expect(d.headline).toBeNull();
    expect(d.sapo).toBeNull();
    expect(d.galleryCaptions).toEqual([]);
    expect(d.photos).toMatchObject({ added: [], removed: [], reordered: false });
    expect(d.paragraphs.map((p) => p.blockId)).toEqual([paragraphId]);
    expect(d.paragraphs[0]!.diff.filter((p) => p.op !== 'eq')).toEqual([
      { op: 'del', text: 'biểu dương' },
      { op: 'ins', text: 'đánh giá cao' },
    ]);
    expect(d.captions.map((c) => [c.sourceFile, c.diff])).toEqual([
      [
        'DSC-2409.JPG',
        [
          { op: 'del', text: 'Quang' },
          { op: 'ins', text: 'Toàn' },
          { op: 'eq', text: ' cảnh hội nghị.' },
        ],
      ],
      [
        'DSC-2419.JPG',
        [
          { op: 'eq', text: 'Phó Bí thư Tỉnh ' },
          { op: 'del', text: 'ủy' },
          { op: 'ins', text: 'uỷ' },
          { op: 'eq', text: ' Hoàng Giang phát biểu' },
          { op: 'ins', text: ' chỉ đạo' },
          { op: 'eq', text: ' tại hội nghị.' },
        ],
      ],
    ]);
    expect(d.history.map((h) => h.decision)).toEqual(['returned', 'submitted', 'approved']);
    expect(d.comments).toHaveLength(3);
    expect(d.text).toContain('Caption p2 (DSC-2419.JPG): Phó Bí thư Tỉnh [-ủy-]{+uỷ+} Hoàng');
    expect(d.text).toContain('[-biểu dương-]{+đánh giá cao+}');
  });

  it('8. verify passes on every version, and checks each link of the chain', async () => {
    for (const n of [1, 2, 3, 4]) {
      const r = await editor.api.verifyPackage({ path: v(n) });
      expect(r, `v${n}`).toEqual({ ok: true, problems: [] });
    }
    // The history of v4 names each parent's manifest.
    const v4 = await editor.api.openPackage({ path: v(4) });
    for (const n of [2, 3, 4]) {
      const parent = await editor.api.openPackage({ path: v(n - 1) });
      expect(v4.manifest.history[n - 1]!.previousManifestSha256, `v${n}`).toBe(
        parent.manifestSha256,
      );
    }
  });

  it.skipIf(!hasExiftool)(
    '9. exiftool reads the edited captions; the image data is byte for byte v1’s',
    async () => {
      const v2 = await editor.api.openPackage({ path: v(2) });
      const v4 = await editor.api.openPackage({ path: v(4) });
      const v3 = await editor.api.openPackage({ path: v(3) });
      const want = { p1: edits.caption1[1], p2: edits.caption2[1] } as Record<string, string>;
      for (const opened of [v2, v4]) {
        const tags = await exiftool(opened.photos.map((p) => p.localPath));
        opened.photos.forEach((p, i) => {
          const caption = want[p.id] ?? opened1.photos[i]!.caption;
          expect(tags[i]!['IPTC:Caption-Abstract'], `${opened.version} ${p.id}`).toBe(caption);
          expect(tags[i]!['XMP-dc:Description'], `${opened.version} ${p.id}`).toBe(caption);
          expect(tags[i]!['IFD0:ImageDescription'], `${opened.version} ${p.id}`).toBe(caption);
        });
      }
      for (const [i, p] of v2.photos.entries()) {
        const before = await readFile(opened1.photos[i]!.localPath);
        const after = await readFile(p.localPath);
        expect(sha256(imageData(after)), p.id).toBe(sha256(imageData(before)));
        if (p.id !== 'p1' && p.id !== 'p2') expect(sha256(after), p.id).toBe(sha256(before));
        else expect(sha256(after), p.id).not.toBe(sha256(before));
      }
      // The approval copies v3's photos as they are.
      for (const [i, p] of v4.photos.entries()) expect(p.sha256, p.id).toBe(v3.photos[i]!.sha256);
    },
  );
});
