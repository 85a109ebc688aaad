import type { MediaResponse } from './app-core-types';
import type { FolderRegistry } from './folders/folder-registry';
import { readEmbeddedPreview } from './images/embedded-preview';
import { ensureThumbnail } from './folders/photo-tiles';
import { resolveReviewMedia } from './review/review-media';

const CONTENT_TYPES: Record<string, string> = { JPEG: 'image/jpeg', PNG: 'image/png' };

/**
 * Resolve `media/<kind>/<folderKey>/<file>` for the Electron protocol and the web
 * server alike. Only files the open folder's listing knows are served: never an
 * arbitrary path under (or above) it.
 */
export async function resolveMedia(
  folders: FolderRegistry,
  cacheDir: string,
  urlPath: string,
  /** Where opened packages are unpacked (`media/review/…`, see review/work-area.ts). */
  dataDir?: string,
): Promise<MediaResponse | null> {
  if (dataDir !== undefined && /^\/?media\/review\//.test(urlPath))
    return resolveReviewMedia(dataDir, urlPath);
  const m = /^\/?media\/(thumb|preview|full)\/([0-9a-f]{16})\/([^/?#]+)(?:\?.*)?$/.exec(urlPath);
  if (!m) return null;
  const [, kind, key, encodedFile] = m;
  let file: string;
  try {
    file = decodeURIComponent(encodedFile!).normalize('NFC');
  } catch {
    return null;
  }
  const f = folders.byKey(key!);
  const p = f?.photos.get(file);
  if (!f || !p) return null;
  if (kind === 'full') {
    const type = CONTENT_TYPES[p.read.format];
    return type && p.read.browserDisplayable ? { path: p.path, contentType: type } : null;
  }
  if (kind === 'preview') {
    const data = await readEmbeddedPreview(p.path, p.read.preview).catch(() => null);
    return data ? { data, contentType: 'image/jpeg' } : null;
  }
  try {
    return { path: (await ensureThumbnail(cacheDir, p)).path, contentType: 'image/jpeg' };
  } catch {
    return null;
  }
}
