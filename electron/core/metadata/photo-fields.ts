/**
 * The editable metadata of a photo, with the same names everywhere in the API,
 * the CLI's fields.json and the export writer.
 */
export const TEXT_FIELDS = [
  'caption',
  'headline',
  'title',
  'credit',
  'source',
  'copyright',
  'city',
  'province',
  'country',
  'countryCode',
  'location',
  'dateCreated',
  'jobId',
  'instructions',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const LIST_FIELDS = ['byline', 'keywords'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type PhotoFields = Partial<Record<TextField, string>> & Partial<Record<ListField, string[]>>;

/** Culling state: XMP rating (-1 is Bridge's reject), PM colour class and tag. */
export interface Culling {
  rating?: number | null;
  label?: string | null;
  colorClass?: number | null;
  pick?: boolean | null;
}
