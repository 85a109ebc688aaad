import { sharp } from '../images/sharp-setup';

/** 8-bit grey pixels, one byte each, row by row. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Long edge of the grey copy every measurement is made on; fixed so scores compare across photos. */
export const ANALYSIS_SIZE = 256;

/**
 * Decode a thumbnail (never the original: it was decoded once already to make the
 * thumbnail) to grey pixels at a fixed size, the only decode the analysis does.
 */
export async function decodeGrey(input: string | Buffer): Promise<GreyImage> {
  const { data, info } = await sharp(input, { failOn: 'none' })
    // A tiny original is measured as it is: enlarging it would invent a blur.
    .resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
    width: info.width,
    height: info.height,
  };
}
