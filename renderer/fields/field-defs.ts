import type { FieldsInput, Photo } from '../../electron/contract/api';
import { FIELD_BUDGETS, utf8Length, type BudgetField } from '../../common/text/byte-budget';
import {
  FIELDS,
  fieldSpec,
  type ChoiceLabelsKey,
  type EditorFieldKey,
  type FieldKey,
  type FieldLabelKey,
  type FieldSpec,
} from '../../common/fields/catalog';
import type { Messages } from '../i18n/vi';
import { joinList, splitBylines, splitList } from './common-value';

export type EditableField = EditorFieldKey;

export interface FieldDef {
  name: EditableField;
  /** The limit it must fit (IIM's bytes, or advised characters); a list is measured item by item. */
  budget: BudgetField | null;
  multiline?: boolean;
  /** A select of a vocabulary's terms, rather than typed text. */
  choice?: NonNullable<FieldSpec['choice']>;
  /** Shown only while another field holds one of these values. */
  shownWhen?: { field: EditableField; oneOf: readonly string[] };
}

/** The field's budget name, when the catalog gives it a limit. */
export function budgetField(name: FieldKey): BudgetField | null {
  return name in FIELD_BUDGETS ? (name as BudgetField) : null;
}

/** The field editor's rows, in the catalog's order. */
export const PHOTO_FIELDS: readonly FieldDef[] = FIELDS.flatMap((row): FieldDef[] => {
  const f: FieldSpec = row;
  if (f.editor === false) return [];
  return [
    {
      name: row.key as EditableField,
      budget: budgetField(row.key),
      multiline: f.editor === 'multiline',
      ...(f.choice ? { choice: f.choice } : {}),
      ...(f.shownWhen
        ? { shownWhen: { field: f.shownWhen.field as EditableField, oneOf: f.shownWhen.oneOf } }
        : {}),
    },
  ];
});

/**
 * Whether a row shows for these values of the selection: a row that depends on another field
 * shows when any selected photo (or the value being typed there) has one of its values.
 */
export function isShown(def: FieldDef, valuesOf: (name: EditableField) => string[]): boolean {
  const when = def.shownWhen;
  return !when || valuesOf(when.field).some((v) => when.oneOf.includes(v));
}

export function readField(photo: Photo, name: EditableField): string {
  const value = photo[name];
  return Array.isArray(value) ? joinList(value) : (value ?? '');
}

/** A list typed in one field: names apart with ";" when one string is also a value (by-lines), else ",". */
function splitTyped(name: FieldKey, text: string): string[] | null {
  const spec = fieldSpec(name);
  if (spec?.kind !== 'list') return null;
  return spec.acceptsText ? splitBylines(text) : splitList(text);
}

/** What setFields receives for a field typed as text. */
export function fieldInput(name: EditableField, value: string): FieldsInput {
  const text = value.normalize('NFC');
  return { [name]: splitTyped(name, text) ?? text.trim() };
}

/** The part of a value the budget meter measures: the longest item of a list. */
export function measured(name: FieldKey, value: string): string {
  const parts = splitTyped(name, value);
  if (!parts) return value;
  return parts.reduce((a, b) => (utf8Length(b) > utf8Length(a) ? b : a), '');
}

/** Label keys are checked against the dictionary: a catalog row without labels does not compile. */
const labelOf = (m: Messages, key: FieldLabelKey): string => m[key];

/** A choice field's labels by code, checked against the dictionary like the field labels. */
export function choiceLabels(m: Messages, key: ChoiceLabelsKey): Readonly<Record<string, string>> {
  return m[key];
}

/** Labels for every metadata field name the API uses (fields, sources, conflicts, checks). */
export function fieldLabel(m: Messages, name: string): string {
  const spec = fieldSpec(name);
  if (spec) return labelOf(m, spec.labelKey as FieldLabelKey);
  switch (name) {
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
