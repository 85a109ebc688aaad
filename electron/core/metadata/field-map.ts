import { FIELDS, type FieldKey, type XmpShape } from '../../../common/fields/catalog';
import type { NsPrefix } from './xmp-namespaces';

export interface XmpSlot {
  prefix: NsPrefix;
  name: string;
  kind: 'text' | 'alt' | 'seq' | 'bag';
}

const KIND_OF_SHAPE: Record<XmpShape, XmpSlot['kind']> = {
  simple: 'text',
  langAlt: 'alt',
  seq: 'seq',
  bag: 'bag',
};

/** Where each field lives in XMP, from the field catalog. One map for reading and writing. */
export const XMP_SLOTS = Object.fromEntries(
  FIELDS.map((f) => [
    f.key,
    { prefix: f.xmp.ns, name: f.xmp.property, kind: KIND_OF_SHAPE[f.xmp.shape] },
  ]),
) as Record<FieldKey, XmpSlot>;

/** Our own and Photo Mechanic's culling and caption-source properties. */
export const EXTRA_SLOTS = {
  rating: { prefix: 'xmp', name: 'Rating', kind: 'text' },
  label: { prefix: 'xmp', name: 'Label', kind: 'text' },
  colorClass: { prefix: 'photomechanic', name: 'ColorClass', kind: 'text' },
  pick: { prefix: 'photomechanic', name: 'Tagged', kind: 'text' },
  captionTemplate: { prefix: 'captiondesk', name: 'CaptionTemplate', kind: 'text' },
  captionRendered: { prefix: 'captiondesk', name: 'CaptionRendered', kind: 'text' },
  eventLinked: { prefix: 'captiondesk', name: 'EventLinked', kind: 'text' },
} as const satisfies Record<string, XmpSlot>;
