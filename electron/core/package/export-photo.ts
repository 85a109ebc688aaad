import { sharp } from '../images/sharp-setup';
import type { Preset } from '../../contract/api';
import { embedMetadata, type EmbedFields } from '../metadata/embed';

export interface ExportedPhoto {
  data: Buffer;
  width: number;
  height: number;
  truncated: { field: string; limitBytes: number }[];
}

/**
 * One web-sized copy: sharp resizes (never up), applies the orientation to the
 * pixels and converts to sRGB; then the lossless writer puts the full metadata in,
 * since sharp garbles Vietnamese in EXIF and cannot write IIM at all.
 */
export async function exportPhoto(
  input: string | Buffer,
  preset: Preset,
  fields: EmbedFields,
): Promise<ExportedPhoto> {
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
    .keepExif()
    .jpeg({ quality: preset.quality, mozjpeg: false, chromaSubsampling: '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  const { jpeg, report } = embedMetadata(data, fields, {
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
