/**
 * Sending a package to WordPress: each photo becomes a media item with its caption, alt
 * text and description set through the API (WordPress before 7.0 reads only IIM on upload),
 * and the article becomes one draft post in blocks, with the first photo as its featured
 * image and the article's category and tags.
 *
 * Safe to run again at any point. A photo is known on the site by a slug made from its
 * sha256, so it is never uploaded twice; the draft is known by the local post map and by
 * the parent of the photos already uploaded, so a second send updates it, never a second
 * post. The draft is made first and the photos are attached to it, which is what makes
 * the second answer hold even on another computer.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  manifestSchema,
  type Manifest,
  type ManifestPhoto,
} from '../../../contract/package-manifest';
import { photosInArticleOrder, pictureHeadline } from '../../package/article-photos';
import { OutboxError } from '../errors';
import type { RunHooks } from '../run-job';
import type { JobFile, OutboxJob } from '../types';
import type { WpSite } from './wp-api';
import { articleBlocks, type WpMedia } from './wp-blocks';
import type { WpPostMap } from './wp-post-map';
import { termIds } from './wp-terms';

interface MediaItem {
  id: number;
  source_url: string;
  /** The post it is attached to (0: none). */
  post: number | null;
}

interface PostItem {
  id: number;
  status: string;
  link?: string;
}

/** Posts a package may still change: not yet seen by readers. */
const UNPUBLISHED = new Set(['draft', 'pending', 'auto-draft']);

/** The slug a photo has on the site: its content, so the same bytes are found again. */
export function mediaSlug(photo: Pick<ManifestPhoto, 'sha256'>): string {
  return `captiondesk-${photo.sha256.slice(0, 32)}`;
}

async function readManifest(stagingDir: string): Promise<Manifest> {
  const raw = await readFile(join(stagingDir, 'manifest.json'), 'utf8');
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new OutboxError(
      'package-unreadable',
      `manifest.json of the package is not a CaptionDesk manifest: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

function requireCapabilities(site: WpSite, user: string, caps: Record<string, boolean>): void {
  const missing = [
    ['upload_files', 'upload photos'],
    ['edit_posts', 'write posts'],
  ].filter(([cap]) => !caps[cap!]);
  if (missing.length)
    throw new OutboxError(
      'permission-denied',
      `${site.siteName} does not let user "${user}" ${missing.map(([, what]) => what).join(' or ')}. The account needs the Author or Editor role.`,
    );
}

async function findMedia(site: WpSite, photo: ManifestPhoto): Promise<MediaItem | null> {
  const found = await site.get<MediaItem[]>(
    'wp/v2/media',
    { slug: mediaSlug(photo), context: 'edit', per_page: 1 },
    `looking for ${basename(photo.file)}`,
  );
  return found[0] ?? null;
}

async function getPost(site: WpSite, id: number): Promise<PostItem | null> {
  const post = await site.find<PostItem>(
    `wp/v2/posts/${id}`,
    { context: 'edit' },
    'finding the draft',
  );
  return post && post.status !== 'trash' ? post : null;
}

/** The draft this package was sent as before, here or from another computer. */
async function previousPost(
  site: WpSite,
  remembered: number | null,
  media: Iterable<MediaItem>,
): Promise<PostItem | null> {
  if (remembered !== null) {
    const post = await getPost(site, remembered);
    if (post) return post;
  }
  for (const m of media) {
    if (!m.post) continue;
    const post = await getPost(site, m.post);
    if (post) return post;
  }
  return null;
}

async function uploadPhoto(
  site: WpSite,
  stagingDir: string,
  photo: ManifestPhoto,
  title: string,
  /** 0 while the draft does not exist yet. */
  postId: number,
): Promise<MediaItem> {
  const name = basename(photo.file);
  const form = new FormData();
  form.set(
    'file',
    new Blob([await readFile(join(stagingDir, photo.file))], { type: 'image/jpeg' }),
    name,
  );
  form.set('slug', mediaSlug(photo));
  form.set('title', title);
  form.set('caption', photo.caption);
  form.set('alt_text', photo.altText ?? '');
  form.set('description', photo.extDescription ?? '');
  if (postId) form.set('post', String(postId));
  return site.upload<MediaItem>('wp/v2/media', form, `uploading ${name}`);
}

export interface WpSendInput {
  job: OutboxJob;
  stagingDir: string;
  site: WpSite;
  user: string;
  posts: WpPostMap;
  hooks: RunHooks;
}

/** The staged members of the package that are not photos: the post stands for them. */
async function markDone(files: JobFile[], hooks: RunHooks): Promise<void> {
  for (const file of files) {
    if (file.done) continue;
    await hooks.onFileStart(file, 0);
    hooks.onBytes(file.bytes);
    await hooks.onFileDone(file);
  }
}

export async function sendToWordPress({
  job,
  stagingDir,
  site,
  user,
  posts,
  hooks,
}: WpSendInput): Promise<'done'> {
  requireCapabilities(site, user, await site.connect());
  const manifest = await readManifest(stagingDir);
  const a = manifest.article;
  const photos = photosInArticleOrder(manifest);
  const media = new Map<string, MediaItem>();
  for (const p of photos) {
    const m = await findMedia(site, p);
    if (m) media.set(p.id, m);
  }
  const remembered = await posts.get(job.destinationId, manifest.packageId);
  let post = await previousPost(site, remembered, media.values());
  if (post && !UNPUBLISHED.has(post.status))
    throw new OutboxError(
      'post-published',
      `${site.siteName} already has this article as a ${post.status} post (#${post.id}${post.link ? `, ${post.link}` : ''}). CaptionDesk never changes a post readers can see; ask the desk to update it there.`,
    );
  const head = { title: a.headline, excerpt: a.sapo, status: 'draft' };
  // The draft is made once a photo is on the site, so a send refused at its first photo
  // (too large, no permission) leaves no empty post behind.
  const draft = async (): Promise<PostItem> => {
    post ??= await site.post<PostItem>('wp/v2/posts', head, 'creating the draft post');
    await posts.set(job.destinationId, manifest.packageId, post.id);
    return post;
  };
  if (post) await draft();

  for (const [i, p] of photos.entries()) {
    const file = job.files.find((f) => f.name === p.file);
    if (hooks.signal.aborted) throw hooks.signal.reason as Error;
    if (!media.has(p.id)) {
      if (file) await hooks.onFileStart(file, 0);
      const title = pictureHeadline(manifest, i, photos.length);
      media.set(p.id, await uploadPhoto(site, stagingDir, p, title, post?.id ?? 0));
      if (file) hooks.onBytes(file.bytes);
      await draft();
    }
    if (file && !file.done) await hooks.onFileDone(file);
  }
  const target = await draft();
  // Photos uploaded before the draft existed are attached to it now: that link is how
  // another computer finds the draft again.
  for (const m of media.values())
    if (!m.post)
      m.post = (
        await site.post<MediaItem>(`wp/v2/media/${m.id}`, { post: target.id }, 'attaching a photo')
      ).post;
  const mediaOf = (p: ManifestPhoto): WpMedia => {
    const m = media.get(p.id)!;
    return { id: m.id, url: m.source_url };
  };
  const categories = await termIds(site, 'categories', a.category.trim() ? [a.category] : []);
  const tags = await termIds(site, 'tags', a.tags ?? []);
  await site.post(
    `wp/v2/posts/${target.id}`,
    {
      ...head,
      content: articleBlocks(manifest, mediaOf),
      featured_media: photos[0] ? mediaOf(photos[0]).id : 0,
      categories,
      tags,
    },
    'writing the draft post',
  );
  job.remoteUrl = site.editUrl(target.id);
  await markDone(job.files, hooks);
  return 'done';
}
