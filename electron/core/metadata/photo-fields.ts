/**
 * The editable metadata of a photo, with the same names everywhere in the API, the CLI's
 * fields.json and the export writer: the field catalog's names.
 */
import {
  LIST_FIELD_KEYS,
  TEXT_FIELD_KEYS,
  type ListFieldKey,
  type TextFieldKey,
} from '../../../common/fields/catalog';

export const TEXT_FIELDS = TEXT_FIELD_KEYS;
export type TextField = TextFieldKey;

export const LIST_FIELDS = LIST_FIELD_KEYS;
export type ListField = ListFieldKey;

/** Culling state: XMP rating (-1 is Bridge's reject), PM colour class and tag. */
export interface Culling {
  rating?: number | null;
  label?: string | null;
  colorClass?: number | null;
  pick?: boolean | null;
}
