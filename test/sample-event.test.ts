/**
 * The sample event is what a first-time user sees: it must look like a real camera card
 * (camera EXIF readable, rotation left to the app) and stay small in the installer.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const sampleDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'assets',
  'sample-event',
);
const photos = readdirSync(sampleDir)
  .filter((name) => /\.jpe?g$/i.test(name))
  .sort();

describe('sample event', () => {
  it('has a handful of photos', () => {
    expect(photos.length).toBeGreaterThanOrEqual(5);
  });

  it.each(photos)('%s carries camera EXIF readable by exifr', async (name) => {
    const tags = (await exifr.parse(path.join(sampleDir, name), {
      pick: ['Make', 'Model', 'DateTimeOriginal'],
    })) as { Make?: unknown; Model?: unknown; DateTimeOriginal?: unknown } | undefined;
    expect(typeof tags?.Make === 'string' && tags.Make.trim()).toBeTruthy();
    expect(typeof tags?.Model === 'string' && tags.Model.trim()).toBeTruthy();
    expect(tags?.DateTimeOriginal).toBeInstanceOf(Date);
    expect(Number.isNaN((tags?.DateTimeOriginal as Date).getTime())).toBe(false);
  });

  it('keeps at least one Orientation 6 photo with its pixels unrotated', async () => {
    const found = [];
    for (const name of photos) {
      const meta = await sharp(path.join(sampleDir, name)).metadata();
      if (meta.orientation === 6 && meta.width > meta.height) found.push(name);
    }
    expect(found.length).toBeGreaterThan(0);
  });

  it('weighs less than 700 KB in all', () => {
    const total = photos.reduce((sum, name) => sum + statSync(path.join(sampleDir, name)).size, 0);
    expect(total).toBeLessThan(700 * 1024);
  });
});
