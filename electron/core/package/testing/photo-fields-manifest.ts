/**
 * For the newsml.xml tests: the seed article's manifest with IPTC's newer photo fields set,
 * as a package built from captioned photos would carry them.
 */
import { DIGITAL_SOURCE_TYPE_URI } from '../../../../common/fields/digital-source-type';
import { seedManifest } from '../../../../test/helpers/seed-manifest';
import type { Manifest } from '../../../contract/package-manifest';

export const ALT_TEXT =
  'Ông Hoàng Giang đứng phát biểu sau bục, phía sau là phông đỏ của hội nghị.';
export const EXT_DESCRIPTION =
  'Hội trường nhìn từ cuối phòng.\nHàng ghế đầu là lãnh đạo tỉnh; trên sân khấu có hoa & cờ.';
const AI_PROMPT = 'Hội trường đỏ, đại biểu ngồi kín, ánh sáng sân khấu <ấm>';

/**
 * The seed with IPTC's newer photo fields: alt text, extended description and a camera source
 * type on the first photo, an AI-made second photo with its system and prompt, and a third whose
 * source type is not a URI.
 */
export function accessible(): Manifest {
  const m = seedManifest();
  Object.assign(m.photos[0]!, {
    altText: ALT_TEXT,
    extDescription: EXT_DESCRIPTION,
    digitalSourceType: `${DIGITAL_SOURCE_TYPE_URI}digitalCapture`,
  });
  Object.assign(m.photos[1]!, {
    digitalSourceType: `${DIGITAL_SOURCE_TYPE_URI}trainedAlgorithmicMedia`,
    aiSystemUsed: 'Imagen 3',
    aiPrompt: AI_PROMPT,
  });
  Object.assign(m.photos[2]!, { digitalSourceType: 'chụp bằng máy ảnh' });
  return m;
}
