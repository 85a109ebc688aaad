import { ApiError, mediaPath, type Tile } from '../../contract/api';
import { imageWork } from '../images/image-work-guard';
import {
  buildThumbnail,
  hasThumbnail,
  thumbnailKey,
  thumbnailPath,
} from '../images/thumbnail-cache';
import { readEmbeddedPreview } from '../images/embedded-preview';
import { leanJpegInput } from '../images/lean-jpeg';
import type { IndexedPhoto } from './photo-index';

export function thumbKeyOf(p: IndexedPhoto): string {
  return thumbnailKey(p.path, p.read.bytes, p.read.mtimeMs);
}

/** What sharp decodes for a thumbnail: the file, or a RAW's embedded JPEG preview. */
export async function thumbnailInput(p: IndexedPhoto): Promise<string | Buffer> {
  if (p.read.format === 'CR3') {
    const preview = await readEmbeddedPreview(p.path, p.read.preview);
    if (!preview)
      throw new ApiError('the RAW file has no embedded preview', 'raw-no-preview', {
        file: p.entry.file,
      });
    return preview;
  }
  if (p.read.format === 'HEIC')
    throw new ApiError('HEIC cannot be decoded here (no HEVC decoder)', 'heic-not-decodable', {
      file: p.entry.file,
    });
  if (p.read.format === 'JPEG') return leanJpegInput(p.path, p.read.bytes);
  return p.path;
}

/** The media path of a photo's cached thumbnail (the key's start tells versions apart). */
export function thumbMediaPath(folderKey: string, p: IndexedPhoto, key = thumbKeyOf(p)): string {
  return mediaPath('thumb', folderKey, p.entry.file, key.slice(0, 12));
}

/**
 * The cached thumbnail's path, built first when missing: the grid's job, the analysis
 * and a media request all go through here, so a photo is never decoded for it twice.
 */
export async function ensureThumbnail(
  cacheDir: string,
  p: IndexedPhoto,
  key = thumbKeyOf(p),
): Promise<{ path: string; built: boolean }> {
  if (await hasThumbnail(cacheDir, key))
    return { path: thumbnailPath(cacheDir, key), built: false };
  const path = await imageWork(p.path, async () =>
    buildThumbnail(await thumbnailInput(p), cacheDir, key),
  );
  return { path, built: true };
}

/**
 * A photo as the grid shows it: the one place tiles are built, for the open result,
 * listings and the `photosChanged` events alike.
 */
export async function tileOf(cacheDir: string, folderKey: string, p: IndexedPhoto): Promise<Tile> {
  if (p.pending)
    // Not read yet (a large folder opening): the grid draws a placeholder of the right name.
    return { ...p.photo, thumb: null, thumbNeedsRotation: false, full: null, pending: true };
  const key = thumbKeyOf(p);
  let thumb: string | null = null;
  let thumbNeedsRotation = false;
  if (await hasThumbnail(cacheDir, key)) thumb = thumbMediaPath(folderKey, p, key);
  else if (p.read.preview) {
    thumb = mediaPath('preview', folderKey, p.entry.file, String(p.read.mtimeMs));
    // A RAW's large preview is stored upright; an EXIF thumbnail is stored as the sensor saw it.
    thumbNeedsRotation = p.read.format !== 'CR3';
  }
  const full = p.read.browserDisplayable
    ? mediaPath('full', folderKey, p.entry.file, String(p.read.mtimeMs))
    : p.read.preview?.kind === 'range'
      ? mediaPath('preview', folderKey, p.entry.file, String(p.read.mtimeMs))
      : null;
  return { ...p.photo, thumb, thumbNeedsRotation, full };
}

export function tilesOf(
  cacheDir: string,
  folderKey: string,
  photos: Iterable<IndexedPhoto>,
): Promise<Tile[]> {
  return Promise.all([...photos].map((p) => tileOf(cacheDir, folderKey, p)));
}
