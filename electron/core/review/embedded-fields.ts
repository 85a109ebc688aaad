import type { EmbeddedFields } from '../../contract/review';
import { FIELDS } from '../../../common/fields/catalog';
import { readPhoto } from '../metadata/read-photo';
import { mergedValue, mergeView } from '../metadata/merge';

export type { EmbeddedFields };

/** What a photo carries inside it, as any other tool would read it: XMP over IIM over EXIF. */
export async function readEmbeddedFields(path: string, name: string): Promise<EmbeddedFields> {
  const read = await readPhoto(path, name);
  const view = mergeView(read, null);
  return {
    ...(Object.fromEntries(FIELDS.map((f) => [f.key, mergedValue(view, f.key)])) as Omit<
      EmbeddedFields,
      'width' | 'height' | 'error' | 'conflicts'
    >),
    width: read.width,
    height: read.height,
    error: read.error,
    conflicts: view.conflicts.map((c) => c.field),
  };
}
