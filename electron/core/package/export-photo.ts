import { sharp } from '../images/sharp-setup';
import type { Preset } from '../../contract/api';
import { embedMetadata, type EmbedFields } from '../metadata/embed';
import { exportExif } from '../metadata/embed/exif-export';
import { segmentBytes } from '../metadata/embed/segments';

export interface ExportedPhoto {
  data: Buffer;
  width: number;
  height: number;
  truncated: { field: string; limitBytes: number }[];
}

/**
 * One web-sized copy: sharp resizes (never up), applies the orientation to the
 * pixels and converts to sRGB; then the lossless writer puts the full metadata in,
 * since sharp garbles Vietnamese in EXIF and cannot write IIM at all. The EXIF is our
 * own, built from the source's values: sharp's keepExif() copy fails ExifTool's validator
 * (see exif-export.ts).
 */
export async function exportPhoto(
  input: string | Buffer,
  preset: Preset,
  fields: EmbedFields,
  /** The capture time's UTC offset ("+02:00") when known, for EXIF OffsetTimeOriginal. */
  captureOffset: string | null = null,
): Promise<ExportedPhoto> {
  const source = await sourceExif(input);
  // Default failOn ('warning') refuses a truncated source: better no package than half a photo in print.
  const { data, info } = await sharp(input, { sequentialRead: true })
    .rotate()
    .resize({
      width: preset.longEdge,
      height: preset.longEdge,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toColourspace('srgb')
    .withIccProfile('srgb')
    .jpeg({ quality: preset.quality, mozjpeg: false, chromaSubsampling: '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  const tiff = exportExif(source, {
    keepGps: !preset.stripGps,
    width: info.width,
    height: info.height,
    captureOffset,
  });
  const withExif = Buffer.concat([
    data.subarray(0, 2),
    segmentBytes(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])),
    data.subarray(2),
  ]);
  const { jpeg, report } = embedMetadata(withExif, fields, {
    keepGps: !preset.stripGps,
    orientation: 1,
  });
  return {
    data: jpeg,
    width: info.width,
    height: info.height,
    truncated: report.truncated.map((t) => ({ field: t.field, limitBytes: t.limitBytes })),
  };
}

/** The source's EXIF as sharp reads it; a block it cannot read exports as none. */
async function sourceExif(input: string | Buffer): Promise<Buffer | null> {
  try {
    return (await sharp(input).metadata()).exif ?? null;
  } catch {
    return null;
  }
}
