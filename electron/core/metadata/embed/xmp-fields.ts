import type { XmpChange } from '../xmp-write';
import { bylineList, type EmbedFields, type TextKey } from './fields';

/** Where each text field lives in XMP. */
const TEXT_PROPERTIES: readonly {
  key: TextKey;
  change: Pick<XmpChange, 'prefix' | 'name' | 'kind'>;
}[] = [
  { key: 'caption', change: { prefix: 'dc', name: 'description', kind: 'alt' } },
  { key: 'title', change: { prefix: 'dc', name: 'title', kind: 'alt' } },
  { key: 'copyright', change: { prefix: 'dc', name: 'rights', kind: 'alt' } },
  { key: 'headline', change: { prefix: 'photoshop', name: 'Headline', kind: 'text' } },
  { key: 'credit', change: { prefix: 'photoshop', name: 'Credit', kind: 'text' } },
  { key: 'source', change: { prefix: 'photoshop', name: 'Source', kind: 'text' } },
  { key: 'city', change: { prefix: 'photoshop', name: 'City', kind: 'text' } },
  { key: 'province', change: { prefix: 'photoshop', name: 'State', kind: 'text' } },
  { key: 'country', change: { prefix: 'photoshop', name: 'Country', kind: 'text' } },
  { key: 'jobId', change: { prefix: 'photoshop', name: 'TransmissionReference', kind: 'text' } },
  { key: 'instructions', change: { prefix: 'photoshop', name: 'Instructions', kind: 'text' } },
  { key: 'dateCreated', change: { prefix: 'photoshop', name: 'DateCreated', kind: 'text' } },
  { key: 'countryCode', change: { prefix: 'Iptc4xmpCore', name: 'CountryCode', kind: 'text' } },
  { key: 'location', change: { prefix: 'Iptc4xmpCore', name: 'Location', kind: 'text' } },
];

/** The XMP changes for the fields that are set; '' and [] remove the property. */
export function fieldChanges(fields: EmbedFields): XmpChange[] {
  const changes: XmpChange[] = [];
  const byline = bylineList(fields.byline);
  // Dublin Core lists first, so a fresh packet reads in the order the IPTC panel shows.
  if (byline)
    changes.push({
      prefix: 'dc',
      name: 'creator',
      kind: 'seq',
      value: byline.length ? byline : null,
    });
  if (fields.keywords)
    changes.push({
      prefix: 'dc',
      name: 'subject',
      kind: 'bag',
      value: fields.keywords.length ? fields.keywords : null,
    });
  for (const { key, change } of TEXT_PROPERTIES) {
    const value = fields[key];
    if (value !== undefined) changes.push({ ...change, value: value || null } as XmpChange);
  }
  return changes;
}
