import { ByteSource } from '../formats/byte-source';
import { readJpegLayout, type JpegSegment } from '../formats/jpeg-segments';

/** Below this a file cannot carry enough metadata to matter: no extra read at all. */
const CHECK_ABOVE = 16 * 1024 * 1024;
/** libvips keeps APPn/COM segments in memory whole, several times over: more is not decoded. */
const MAX_METADATA = 4 * 1024 * 1024;

const isMetadata = (m: number) => (m >= 0xe0 && m <= 0xef) || m === 0xfe;

/**
 * What sharp should decode for a JPEG's thumbnail: the file itself, or, when its header
 * carries megabytes of metadata (50 MB of Extended XMP, say), a copy in memory with only
 * what decoding needs: JFIF, EXIF (orientation), the ICC profile and Adobe's colour
 * marker, then the image data unchanged. The file is never modified.
 */
export async function leanJpegInput(path: string, size: number): Promise<string | Buffer> {
  if (size <= CHECK_ABOVE) return path;
  const src = await ByteSource.open(path, size);
  try {
    const layout = await readJpegLayout(src);
    const meta = layout.segments.filter((s) => isMetadata(s.marker));
    if (layout.sosOffset === null || sum(meta) <= MAX_METADATA) return path;
    const kept: Buffer[] = [Buffer.from([0xff, 0xd8])];
    const seen = new Set<string>();
    let icc = 0;
    for (const s of layout.segments) {
      if (s.offset >= layout.sosOffset) break;
      if (isMetadata(s.marker)) {
        const kind = await kindOf(src, s);
        if (!kind) continue;
        if (kind === 'icc') {
          icc += s.dataLength;
          if (icc > MAX_METADATA) continue;
        } else if (seen.has(kind)) continue;
        seen.add(kind);
      }
      kept.push(await src.read(s.offset, s.dataOffset + s.dataLength - s.offset));
    }
    kept.push(await src.read(layout.sosOffset, size - layout.sosOffset));
    return Buffer.concat(kept);
  } finally {
    await src.close();
  }
}

function sum(segments: JpegSegment[]): number {
  return segments.reduce((n, s) => n + s.dataLength, 0);
}

/** The metadata segments decoding needs, by kind; null for the rest. */
async function kindOf(src: ByteSource, s: JpegSegment): Promise<string | null> {
  const head = (await src.read(s.dataOffset, 12)).toString('latin1');
  if (s.marker === 0xe0 && head.startsWith('JFIF\0')) return 'jfif';
  if (s.marker === 0xe1 && head.startsWith('Exif\0')) return 'exif';
  if (s.marker === 0xe2 && head.startsWith('ICC_PROFILE')) return 'icc';
  if (s.marker === 0xee && head.startsWith('Adobe')) return 'adobe';
  return null;
}
