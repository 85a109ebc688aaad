import type { FieldsInput, Photo } from '../../electron/contract/api';
import { utf8Length, type BudgetField } from '../../common/text/byte-budget';
import type { Messages } from '../i18n/vi';
import { joinList, splitBylines, splitList } from './common-value';

export type EditableField =
  | 'headline'
  | 'title'
  | 'byline'
  | 'credit'
  | 'source'
  | 'copyright'
  | 'city'
  | 'province'
  | 'country'
  | 'countryCode'
  | 'location'
  | 'jobId'
  | 'instructions'
  | 'keywords';

export interface FieldDef {
  name: EditableField;
  /** The IIM byte limit it must fit; keywords are limited one by one. */
  budget: BudgetField;
  multiline?: boolean;
}

/** In the order a desk reads them: what, who, where, then handling. */
export const PHOTO_FIELDS: readonly FieldDef[] = [
  { name: 'headline', budget: 'headline' },
  { name: 'title', budget: 'title' },
  { name: 'byline', budget: 'byline' },
  { name: 'credit', budget: 'credit' },
  { name: 'source', budget: 'source' },
  { name: 'copyright', budget: 'copyright' },
  { name: 'location', budget: 'location' },
  { name: 'city', budget: 'city' },
  { name: 'province', budget: 'province' },
  { name: 'country', budget: 'country' },
  { name: 'countryCode', budget: 'countryCode' },
  { name: 'jobId', budget: 'jobId' },
  { name: 'instructions', budget: 'instructions', multiline: true },
  { name: 'keywords', budget: 'keyword' },
];

export function readField(photo: Photo, name: EditableField): string {
  return name === 'keywords' ? joinList(photo.keywords) : (photo[name] ?? '');
}

/** What setFields receives for a field typed as text. */
export function fieldInput(name: EditableField, value: string): FieldsInput {
  const text = value.normalize('NFC');
  if (name === 'keywords') return { keywords: splitList(text) };
  if (name === 'byline') return { byline: splitBylines(text) };
  return { [name]: text.trim() };
}

/** The part of a value the byte meter measures: the longest keyword or byline. */
export function measured(name: EditableField, value: string): string {
  const parts =
    name === 'keywords' ? splitList(value) : name === 'byline' ? splitBylines(value) : null;
  if (!parts) return value;
  return parts.reduce((a, b) => (utf8Length(b) > utf8Length(a) ? b : a), '');
}

/** Labels for every metadata field name the API uses (fields, sources, conflicts, checks). */
export function fieldLabel(m: Messages, name: string): string {
  switch (name) {
    case 'caption':
      return m.fieldCaption;
    case 'headline':
      return m.fieldHeadline;
    case 'title':
      return m.fieldTitle;
    case 'byline':
      return m.fieldByline;
    case 'credit':
      return m.fieldCredit;
    case 'source':
      return m.fieldSource;
    case 'copyright':
      return m.fieldCopyright;
    case 'city':
      return m.fieldCity;
    case 'province':
      return m.fieldProvince;
    case 'country':
      return m.fieldCountry;
    case 'countryCode':
      return m.fieldCountryCode;
    case 'location':
      return m.fieldLocation;
    case 'dateCreated':
      return m.fieldDateCreated;
    case 'jobId':
      return m.fieldJobId;
    case 'instructions':
      return m.fieldInstructions;
    case 'keywords':
    case 'keyword':
      return m.fieldKeywords;
    case 'rating':
      return m.fieldRating;
    case 'label':
      return m.fieldColorLabel;
    default:
      return name;
  }
}
