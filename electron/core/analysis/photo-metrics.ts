import { z } from 'zod';
import { decodeGrey } from './grey-image';
import { sharpnessOf } from './sharpness';
import { exposureOf } from './exposure';
import { perceptualHash } from './perceptual-hash';

/** What one photo's thumbnail gives, independent of the other photos: what the cache keeps. */
export const photoMetricsSchema = z.object({
  sharpness: z.number(),
  sharpnessWhole: z.number(),
  highlightsClipped: z.number(),
  shadowsClipped: z.number(),
  meanLuma: z.number(),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type PhotoMetrics = z.infer<typeof photoMetricsSchema>;

/** One decode of the thumbnail, every measurement from the same grey buffer. */
export async function measurePhoto(thumbnail: string | Buffer): Promise<PhotoMetrics> {
  const img = await decodeGrey(thumbnail);
  const s = sharpnessOf(img);
  return {
    sharpness: s.tileMax,
    sharpnessWhole: s.whole,
    ...exposureOf(img),
    hash: perceptualHash(img),
  };
}
