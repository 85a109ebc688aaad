import { afterEach, describe, expect, it } from 'vitest';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { FIXTURES, tempDir } from '../../../test/helpers/fixtures';
import {
  buildThumbnail,
  hasThumbnail,
  THUMB_SIZE,
  thumbnailKey,
  thumbnailPath,
} from './thumbnail-cache';

let dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  dirs = [];
});

describe('thumbnail cache', () => {
  it('makes its shard folder on the first miss and leaves a whole JPEG, no temp file', async () => {
    const cache = await tempDir();
    dirs.push(cache);
    const photo = join(FIXTURES, 'canon-eos1300d-18mp.jpg');
    const key = thumbnailKey(photo, 1, 2);

    const out = await buildThumbnail(photo, cache, key);

    expect(out).toBe(thumbnailPath(cache, key));
    expect(await readdir(dirname(out))).toEqual([`${key}.jpg`]);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(THUMB_SIZE);
    expect(await hasThumbnail(cache, key)).toBe(true);
  });

  it('rebuilds an entry a power cut left empty, replacing it whole', async () => {
    const cache = await tempDir();
    dirs.push(cache);
    const photo = join(FIXTURES, 'canon-eos1000d-orient6.jpg');
    const key = thumbnailKey(photo, 3, 4);
    const out = thumbnailPath(cache, key);
    await buildThumbnail(photo, cache, key);
    await writeFile(out, '');
    expect(await hasThumbnail(cache, key)).toBe(false);

    await buildThumbnail(photo, cache, key);

    expect((await stat(out)).size).toBeGreaterThan(0);
    expect(await readdir(dirname(out))).toEqual([`${key}.jpg`]);
    // Orientation 6 applied to the pixels: portrait.
    const meta = await sharp(out).metadata();
    expect(meta.height).toBe(THUMB_SIZE);
    expect(meta.width).toBeLessThan(THUMB_SIZE);
  });
});
