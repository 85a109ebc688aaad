import { exifrThumbnail } from '../metadata/exifr';
import { open } from 'node:fs/promises';
import type { EmbeddedPreview } from '../metadata/read-photo';

/** The camera's own JPEG preview: shown at once, before anything is decoded. */
export async function readEmbeddedPreview(
  path: string,
  preview: EmbeddedPreview,
): Promise<Buffer | null> {
  if (!preview) return null;
  if (preview.kind === 'exif-thumbnail') {
    const data = (await exifrThumbnail(path).catch(() => undefined)) as Uint8Array | undefined;
    return data ? Buffer.from(data) : null;
  }
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(preview.length);
    const { bytesRead } = await fh.read(buf, 0, preview.length, preview.offset);
    return bytesRead === preview.length ? buf : null;
  } finally {
    await fh.close();
  }
}
