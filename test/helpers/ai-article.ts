/**
 * The article the AI-field tests package: an AI illustration first, then a camera photo
 * (or a gallery of them) of the harvest at Y Tý. `rest` is the body after the illustration.
 */
import type { Core } from '../../electron/core/app-core-types';

export const HARVEST_CAPTION = 'Mùa gặt trên ruộng bậc thang.';

type StructureBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'photo'; source: string; caption: string }
  | { type: 'gallery'; caption: string; photos: { source: string }[] };

export function importAiArticle(core: Core, folder: string, ai: string, rest: StructureBlock[]) {
  return core.api.importArticle({
    folder,
    structure: {
      headline: 'Mùa vàng Y Tý',
      sapo: 'Ruộng bậc thang vào mùa gặt.',
      body: [{ type: 'photo', source: ai, caption: 'Ảnh minh hoạ do AI tạo.' }, ...rest],
    },
  });
}
