import type { NsPrefix } from './xmp-namespaces';
import type { ListField, TextField } from './photo-fields';

export interface XmpSlot {
  prefix: NsPrefix;
  name: string;
  kind: 'text' | 'alt' | 'seq' | 'bag';
}

/** Where each field lives in XMP (the domain notes' table). One map for reading and writing. */
export const XMP_SLOTS: Record<TextField | ListField, XmpSlot> = {
  caption: { prefix: 'dc', name: 'description', kind: 'alt' },
  headline: { prefix: 'photoshop', name: 'Headline', kind: 'text' },
  title: { prefix: 'dc', name: 'title', kind: 'alt' },
  byline: { prefix: 'dc', name: 'creator', kind: 'seq' },
  credit: { prefix: 'photoshop', name: 'Credit', kind: 'text' },
  source: { prefix: 'photoshop', name: 'Source', kind: 'text' },
  copyright: { prefix: 'dc', name: 'rights', kind: 'alt' },
  city: { prefix: 'photoshop', name: 'City', kind: 'text' },
  province: { prefix: 'photoshop', name: 'State', kind: 'text' },
  country: { prefix: 'photoshop', name: 'Country', kind: 'text' },
  countryCode: { prefix: 'Iptc4xmpCore', name: 'CountryCode', kind: 'text' },
  location: { prefix: 'Iptc4xmpCore', name: 'Location', kind: 'text' },
  dateCreated: { prefix: 'photoshop', name: 'DateCreated', kind: 'text' },
  jobId: { prefix: 'photoshop', name: 'TransmissionReference', kind: 'text' },
  instructions: { prefix: 'photoshop', name: 'Instructions', kind: 'text' },
  keywords: { prefix: 'dc', name: 'subject', kind: 'bag' },
};

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
