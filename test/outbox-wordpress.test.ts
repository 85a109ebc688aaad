/**
 * The seed article sent to a real WordPress (Debian's wordpress, mariadb-server and PHP on
 * 127.0.0.1), and read back through WordPress's own REST API and Gutenberg's own block
 * parser: a draft with its blocks in article order, nine media items with caption and alt
 * text, the featured image, the category and tags. Sending again makes nothing new.
 */
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../electron/core/app-core-types';
import { tempDir } from './helpers/fixtures';
import { runCli } from './helpers/run-cli';
import { packageSeed, seedFolder, SEED_SOURCES } from './helpers/seed-package';
import { outboxCore } from './helpers/servers/outbox-harness';
import { startWordPress, WORDPRESS_ROOT, type WordPressServer } from './helpers/servers/wordpress';

const skip = ['/usr/sbin/mariadbd', WORDPRESS_ROOT, '/usr/bin/php'].find((p) => !existsSync(p));
if (skip)
  console.warn(
    `WordPress tests skipped: ${skip} is missing (apt install wordpress mariadb-server php-mysql)`,
  );

interface WpPost {
  id: number;
  status: string;
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
  featured_media: number;
  categories: number[];
  tags: number[];
}
interface WpMedia {
  id: number;
  slug: string;
  post: number;
  source_url: string;
  title: { raw: string };
  caption: { raw: string };
  alt_text: string;
  description: { raw: string };
}
interface Block {
  blockName: string | null;
  attrs: Record<string, unknown>;
  innerBlocks: Block[];
  innerHTML: string;
}

const ALT = (file: string) => `Ảnh ${file}: người dự hội nghị công đoàn tỉnh Lào Cai`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(skip)('outbox: WordPress, for real', () => {
  let dir: string;
  let wp: WordPressServer;
  let core: Core;
  let zip: string;
  let folder: string;
  let originals: Map<string, string>;

  beforeAll(async () => {
    dir = await tempDir('captiondesk-wp-');
    wp = await startWordPress(join(dir, 'wp'));
    folder = await seedFolder();
    originals = new Map();
    for (const f of Object.keys(SEED_SOURCES))
      originals.set(f, sha(await readFile(join(folder, f))));
    ({ core } = outboxCore(join(dir, 'data')));
    await core.api.openFolder({ path: folder });
    for (const file of Object.keys(SEED_SOURCES))
      await core.api.setFields({
        folder,
        files: [file],
        fields: { altText: ALT(file) },
        culling: {},
      });
    const built = await packageSeed(core, folder, join(dir, 'out'), {
      article: { category: 'Thời sự', tags: ['Công đoàn', 'Lào Cai'] },
    });
    zip = built.path;
    for (const [f, h] of originals) expect(sha(await readFile(join(folder, f))), f).toBe(h);
  }, 180_000);

  afterAll(async () => {
    await core?.close();
    await wp?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const drafts = () => wp.rest<WpPost[]>('wp/v2/posts?status=draft&context=edit&per_page=100');
  const allMedia = () => wp.rest<WpMedia[]>('wp/v2/media?context=edit&per_page=100');

  it('a wrong Application Password: a clear error, and the job is kept to retry', async () => {
    const d = await core.api.saveDestination({
      url: `wordpress+http://${wp.editor.login}@127.0.0.1:${wp.port}/`,
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    const job = await core.api.outboxEnqueue({ packagePath: zip, destination: d.id, wait: true });
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('auth-failed');
    expect(job.lastError?.message).toMatch(/refused user "editor" and this Application Password/);
    expect((await core.api.outboxList({})).map((j) => j.id)).toContain(job.id);
    expect(await drafts()).toEqual([]);
    expect(await allMedia()).toEqual([]);
  });

  it('sends the seed article as a draft: blocks in order, 9 media with caption and alt text, featured image, category and tags', async () => {
    // The right password now, and the same job again: it was kept. The site dies after
    // three photos (PHP killed, no answer at all); the job retries, and once the site is
    // back it carries on from there: no photo twice, no second draft.
    await wp.php("update_option('captiondesk_test_crash_after_uploads', 3);");
    await core.api.saveDestination({
      url: `wordpress+http://${wp.editor.login}@127.0.0.1:${wp.port}/`,
      password: wp.editor.password,
    });
    const [failed] = await core.api.outboxList({});
    await core.api.outboxRetry({ id: failed!.id, wait: false });
    await wp.died();
    expect((await wp.php("echo wp_count_posts('attachment')->inherit;")).trim()).toBe('3');
    await wp.php("delete_option('captiondesk_test_crash_after_uploads');");
    await wp.restart();
    const job = await core.api.outboxRetry({ id: failed!.id, wait: true });
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    expect(job.files.every((f) => f.done)).toBe(true);

    const posts = await drafts();
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.status).toBe('draft');
    const structure = JSON.parse(
      await readFile(
        join(import.meta.dirname, '../../shared/examples/baolaocai-2024-12-26/structure.json'),
        'utf8',
      ),
    ) as {
      headline: string;
      sapo: string;
      body: {
        type: string;
        text?: string;
        source?: string;
        caption?: string;
        photos?: { source: string }[];
      }[];
    };
    expect(post.title.raw).toBe(structure.headline.normalize('NFC'));
    expect(post.excerpt.raw).toBe(structure.sapo.normalize('NFC'));

    const media = await allMedia();
    expect(media).toHaveLength(9);
    const byId = new Map(media.map((m) => [m.id, m]));
    for (const m of media) {
      expect(m.post).toBe(post.id);
      expect(m.alt_text).toMatch(/^Ảnh DSC-\d{4}\.JPG: người dự hội nghị/);
      expect(m.title.raw).toMatch(/\(ảnh \d\/9\)$/);
    }

    // Gutenberg's own parser: the blocks as the editor will see them, in article order.
    const blocks = (parseBlocks(post.content.raw) as Block[]).filter((b) => b.blockName);
    const byline = blocks.at(-1)!;
    expect(byline.blockName).toBe('core/paragraph');
    expect(byline.innerHTML).toContain('Tùng Lâm');
    const body = blocks.slice(0, -1);
    expect(body.map((b) => b.blockName)).toEqual(
      structure.body.map((b) =>
        b.type === 'paragraph'
          ? 'core/paragraph'
          : b.type === 'photo'
            ? 'core/image'
            : 'core/gallery',
      ),
    );
    const captionOf = (m: WpMedia) => m.caption.raw;
    structure.body.forEach((s, i) => {
      const b = body[i]!;
      if (s.type === 'paragraph')
        expect(b.innerHTML).toContain(s.text!.normalize('NFC').slice(0, 40));
      if (s.type === 'photo') {
        const m = byId.get(b.attrs.id as number)!;
        expect(m, `media of ${s.source}`).toBeDefined();
        expect(b.innerHTML).toContain(`alt="${ALT(s.source!)}"`);
        expect(b.innerHTML).toContain(
          `<figcaption class="wp-element-caption">${s.caption!.normalize('NFC')}</figcaption>`,
        );
        expect(captionOf(m)).toBe(s.caption!.normalize('NFC'));
      }
      if (s.type === 'gallery') {
        expect(b.innerBlocks.map((x) => x.blockName)).toEqual(s.photos!.map(() => 'core/image'));
        expect(b.innerHTML).toContain(s.caption!.normalize('NFC'));
        // Each photo of the gallery keeps its own alt text, not the shared caption.
        s.photos!.forEach((p, k) =>
          expect(b.innerBlocks[k]!.innerHTML).toContain(`alt="${ALT(p.source)}"`),
        );
      }
    });
    const first = body.find((b) => b.blockName === 'core/image')!;
    expect(post.featured_media).toBe(first.attrs.id);

    const cats = await wp.rest<{ id: number; name: string }[]>(
      `wp/v2/categories?include=${post.categories.join(',')}`,
    );
    expect(cats.map((c) => c.name)).toEqual(['Thời sự']);
    const tags = await wp.rest<{ id: number; name: string }[]>(
      `wp/v2/tags?include=${post.tags.join(',')}`,
    );
    expect(tags.map((t) => t.name).sort()).toEqual(['Công đoàn', 'Lào Cai']);

    // The photo on the site is the package's photo, byte for byte.
    const one = media[0]!;
    const served = Buffer.from(await (await fetch(one.source_url)).arrayBuffer());
    expect(one.slug).toBe(`captiondesk-${sha(served).slice(0, 32)}`);
  });

  it('a second send makes no second post and no second media, even from another computer', async () => {
    const before = { posts: await drafts(), media: await allMedia() };
    const d = (await core.api.listDestinations({}))[0]!;
    const again = await core.api.outboxEnqueue({ packagePath: zip, destination: d.id, wait: true });
    expect(['done', 'already-there']).toContain(again.state);

    // A second computer: no outbox records at all, so only the site can say what is there.
    const { core: other } = outboxCore(join(dir, 'data-other'));
    try {
      const d2 = await other.api.saveDestination({
        url: `wordpress+http://${wp.editor.login}@127.0.0.1:${wp.port}/`,
        password: wp.editor.password,
      });
      const job = await other.api.outboxEnqueue({
        packagePath: zip,
        destination: d2.id,
        wait: true,
      });
      expect(job.lastError).toBeNull();
      expect(job.state).toBe('done');
    } finally {
      await other.close();
    }
    const after = { posts: await drafts(), media: await allMedia() };
    expect(after.posts.map((p) => p.id)).toEqual(before.posts.map((p) => p.id));
    expect(after.media.map((m) => m.id).sort()).toEqual(before.media.map((m) => m.id).sort());
    expect(after.posts[0]!.content.raw).toBe(before.posts[0]!.content.raw);
  });

  it('the CLI sends it too, and updates the same draft', async () => {
    const before = { posts: await drafts(), media: await allMedia() };
    const state = join(dir, 'cli');
    const env = {
      CAPTIONDESK_DATA_DIR: join(state, 'data'),
      CAPTIONDESK_CACHE_DIR: join(state, 'cache'),
      CAPTIONDESK_PASSWORD: wp.editor.password,
    };
    const sent = await runCli(
      ['upload', zip, '--to', `wordpress+http://editor@127.0.0.1:${wp.port}/`],
      env,
    );
    expect(sent.code, sent.out).toBe(0);
    const seed = before.posts.find((p) => p.title.raw.startsWith('"Lấy công tác'))!;
    expect(sent.stdout).toContain(
      `the draft is at ${wp.url}wp-admin/post.php?post=${seed.id}&action=edit`,
    );
    const after = { posts: await drafts(), media: await allMedia() };
    expect(after.posts.map((p) => p.id).sort()).toEqual(before.posts.map((p) => p.id).sort());
    expect(after.media).toHaveLength(before.media.length);

    const wrong = await runCli(
      ['upload', zip, '--to', `wordpress+http://editor@127.0.0.1:${wp.port}/`],
      {
        ...env,
        CAPTIONDESK_DATA_DIR: join(state, 'data-wrong'),
        CAPTIONDESK_PASSWORD: 'nope nope nope nope',
      },
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/auth-failed: .*refused user "editor" and this Application Password/);
  }, 60_000);

  /** A send from a computer of its own (fresh outbox), as `login`, to `url` (default: the site). */
  const sendFresh = async (
    name: string,
    login: string,
    password: string,
    path = zip,
    site = wp.url,
  ) => {
    const { core: c } = outboxCore(join(dir, name));
    try {
      const d = await c.api.saveDestination({
        url: `wordpress+${site.replace('://', `://${login}@`)}`,
        password,
      });
      return await c.api.outboxEnqueue({ packagePath: path, destination: d.id, wait: true });
    } finally {
      await c.close();
    }
  };

  it('a Contributor account (may not upload): says so, and what role it needs', async () => {
    const job = await sendFresh('data-contrib', wp.contributor.login, wp.contributor.password);
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('permission-denied');
    expect(job.lastError?.message).toMatch(/user "contributor" upload photos.*Author or Editor/);
  });

  it('a site whose REST API a plugin switched off: says so, and sends nothing', async () => {
    await wp.php("update_option('captiondesk_test_rest_off', 1);");
    try {
      const job = await sendFresh('data-rest-off', wp.editor.login, wp.editor.password);
      expect(job.state).toBe('failed');
      expect(job.lastError?.code).toBe('api-disabled');
      expect(job.lastError?.message).toMatch(/REST API does not answer/);
    } finally {
      await wp.php("delete_option('captiondesk_test_rest_off');");
    }
  });

  it("a photo over the site's upload limit: names the photo and the limit", async () => {
    // Photos the site has not seen: the headline is embedded in each, so they differ.
    const other = await packageSeed(core, folder, join(dir, 'out-other'), {
      article: { headline: 'Bài thử giới hạn tải lên' },
    });
    const limited = await wp.startLimited('16K');
    try {
      const job = await sendFresh(
        'data-limit',
        wp.editor.login,
        wp.editor.password,
        other.path,
        limited.url,
      );
      expect(job.state).toBe('failed');
      expect(job.lastError?.code).toBe('too-large');
      // Refused at its first photo: no empty draft left behind.
      expect(await drafts()).toHaveLength(1);
      expect(job.lastError?.message).toMatch(
        /refused baolaocai-tl_dsc-\d{4}\.jpg: it is over the site's upload size limit/,
      );
    } finally {
      await limited.stop();
    }
  }, 120_000);

  it('never changes a post the desk has published', async () => {
    const post = (await drafts()).find((p) => p.title.raw.startsWith('"Lấy công tác'));
    await wp.php(`wp_publish_post(${post!.id});`);
    const job = await sendFresh('data-published', wp.editor.login, wp.editor.password);
    expect(job.state).toBe('failed');
    expect(job.lastError?.code).toBe('post-published');
    expect(job.lastError?.message).toContain(`publish post (#${post!.id}`);
    const live = await wp.rest<WpPost>(`wp/v2/posts/${post!.id}?context=edit`);
    expect(live.content.raw).toBe(post!.content.raw);
  });
});
