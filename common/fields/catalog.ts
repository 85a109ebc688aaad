/**
 * The one field catalog (in the spirit of exifr's dicts/iptc-keys): each editable metadata
 * field once, with every home it has in a file and every name it has in the app. Readers,
 * writers, the sidecar, the contract's schemas, the template, the byte budgets, the CLI
 * flags and the UI's field editor are all derived from this table, so adding a field is one
 * row here plus its labels in the i18n dictionaries.
 *
 * Row order is the order of the API's JSON and of the properties in a sidecar; the field
 * editor and the template panel show the rows in it too.
 */

import type { FieldSpec } from './field-spec';
import {
  AI_SOURCE_TYPE_URIS,
  DIGITAL_SOURCE_TYPE_URI,
  DIGITAL_SOURCE_TYPES,
} from './digital-source-type';

export type { FieldKind, FieldNs, FieldSpec, XmpShape } from './field-spec';

export const FIELDS = [
  {
    key: 'caption',
    kind: 'text',
    iim: { record: 2, dataset: 120, maxBytes: 2000, repeatable: false },
    xmp: { ns: 'dc', property: 'description', shape: 'langAlt' },
    exif: 'ImageDescription',
    template: {},
    cli: { flag: 'text' },
    labelKey: 'fieldCaption',
    editor: false,
    exported: true,
    searchable: true,
    placeholderProne: true,
  },
  {
    key: 'headline',
    kind: 'text',
    iim: { record: 2, dataset: 105, maxBytes: 256, repeatable: false },
    xmp: { ns: 'photoshop', property: 'Headline', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'headline' },
    labelKey: 'fieldHeadline',
    editor: 'line',
    exported: true,
    searchable: true,
    placeholderProne: true,
    variable: { name: 'headline', hintKey: 'varHeadline' },
  },
  {
    key: 'title',
    kind: 'text',
    iim: { record: 2, dataset: 5, maxBytes: 64, repeatable: false },
    xmp: { ns: 'dc', property: 'title', shape: 'langAlt' },
    exif: null,
    template: false,
    cli: { flag: 'title' },
    labelKey: 'fieldTitle',
    editor: 'line',
    // A package's JPEGs never carried an object name: the article gives them their headline.
    exported: false,
    searchable: false,
    placeholderProne: true,
  },
  {
    key: 'byline',
    kind: 'list',
    iim: { record: 2, dataset: 80, maxBytes: 32, repeatable: true },
    xmp: { ns: 'dc', property: 'creator', shape: 'seq' },
    exif: 'Artist',
    template: {},
    cli: { flag: 'byline' },
    labelKey: 'fieldByline',
    editor: 'line',
    inputMax: 500,
    acceptsText: true,
    photoValue: 'first',
    exported: true,
    searchable: true,
    placeholderProne: true,
    variable: { name: 'byline', hintKey: 'varByline' },
  },
  {
    key: 'credit',
    kind: 'text',
    iim: { record: 2, dataset: 110, maxBytes: 32, repeatable: false },
    xmp: { ns: 'photoshop', property: 'Credit', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'credit' },
    labelKey: 'fieldCredit',
    editor: 'line',
    exported: true,
    searchable: false,
    variable: { name: 'credit', hintKey: 'varCredit' },
  },
  {
    key: 'source',
    kind: 'text',
    iim: { record: 2, dataset: 115, maxBytes: 32, repeatable: false },
    xmp: { ns: 'photoshop', property: 'Source', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'source' },
    labelKey: 'fieldSource',
    editor: 'line',
    exported: true,
    searchable: false,
  },
  {
    key: 'copyright',
    kind: 'text',
    iim: { record: 2, dataset: 116, maxBytes: 128, repeatable: false },
    xmp: { ns: 'dc', property: 'rights', shape: 'langAlt' },
    exif: 'Copyright',
    template: {},
    cli: { flag: 'copyright' },
    labelKey: 'fieldCopyright',
    editor: 'line',
    exported: true,
    searchable: false,
  },
  {
    key: 'city',
    kind: 'text',
    iim: { record: 2, dataset: 90, maxBytes: 32, repeatable: false },
    xmp: { ns: 'photoshop', property: 'City', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'city' },
    labelKey: 'fieldCity',
    editor: 'line',
    exported: true,
    searchable: true,
    variable: { name: 'city', hintKey: 'varCity' },
    place: true,
  },
  {
    key: 'province',
    kind: 'text',
    iim: { record: 2, dataset: 95, maxBytes: 32, repeatable: false },
    xmp: { ns: 'photoshop', property: 'State', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'province' },
    labelKey: 'fieldProvince',
    editor: 'line',
    exported: true,
    searchable: true,
    variable: { name: 'province', aliases: ['state'], hintKey: 'varProvince' },
    place: true,
  },
  {
    key: 'country',
    kind: 'text',
    iim: { record: 2, dataset: 101, maxBytes: 64, repeatable: false },
    xmp: { ns: 'photoshop', property: 'Country', shape: 'simple' },
    exif: null,
    template: { default: 'Việt Nam' },
    cli: { flag: 'country' },
    labelKey: 'fieldCountry',
    editor: 'line',
    exported: true,
    searchable: false,
    variable: { name: 'country', hintKey: 'varCountry' },
  },
  {
    key: 'countryCode',
    kind: 'code',
    iim: { record: 2, dataset: 100, maxBytes: 3, repeatable: false },
    xmp: { ns: 'Iptc4xmpCore', property: 'CountryCode', shape: 'simple' },
    exif: null,
    template: { default: 'VNM', placeholder: 'countryCode' },
    cli: null,
    labelKey: 'fieldCountryCode',
    editor: 'line',
    inputMax: 3,
    exported: true,
    searchable: false,
  },
  {
    key: 'location',
    kind: 'text',
    iim: { record: 2, dataset: 92, maxBytes: 32, repeatable: false },
    xmp: { ns: 'Iptc4xmpCore', property: 'Location', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'location' },
    labelKey: 'fieldLocation',
    editor: 'line',
    exported: true,
    searchable: true,
    variable: { name: 'location', hintKey: 'varLocation' },
    place: true,
  },
  {
    key: 'dateCreated',
    kind: 'date',
    iim: { record: 2, dataset: 55, maxBytes: 8, repeatable: false, timeDataset: 60 },
    xmp: { ns: 'photoshop', property: 'DateCreated', shape: 'simple' },
    exif: null,
    template: { placeholder: 'date' },
    cli: null,
    labelKey: 'fieldDateCreated',
    editor: false,
    inputMax: 40,
    exported: true,
    searchable: false,
    // {date} is written dd/mm/yyyy, and falls back to the capture time.
    variable: { name: 'date', hintKey: 'varDate' },
  },
  {
    key: 'jobId',
    kind: 'code',
    iim: { record: 2, dataset: 103, maxBytes: 32, repeatable: false },
    xmp: { ns: 'photoshop', property: 'TransmissionReference', shape: 'simple' },
    exif: null,
    template: {},
    cli: null,
    labelKey: 'fieldJobId',
    editor: 'line',
    exported: true,
    searchable: false,
  },
  {
    key: 'instructions',
    kind: 'text',
    iim: { record: 2, dataset: 40, maxBytes: 256, repeatable: false },
    xmp: { ns: 'photoshop', property: 'Instructions', shape: 'simple' },
    exif: null,
    template: {},
    cli: { flag: 'instructions' },
    labelKey: 'fieldInstructions',
    editor: 'multiline',
    exported: true,
    searchable: false,
  },
  {
    key: 'altText',
    kind: 'text',
    // IPTC Photo Metadata 2021.1: XMP only, no IIM dataset.
    iim: null,
    xmp: { ns: 'Iptc4xmpCore', property: 'AltTextAccessibility', shape: 'langAlt' },
    exif: null,
    template: false,
    cli: { flag: 'alt-text' },
    labelKey: 'fieldAltText',
    editor: 'multiline',
    // The standard advises at most 250 characters, so screen readers read it whole.
    maxChars: 250,
    exported: true,
    searchable: true,
  },
  {
    key: 'extDescription',
    kind: 'text',
    // IPTC Photo Metadata 2021.1, Extended Description (Accessibility): what the alt text leaves out.
    iim: null,
    xmp: { ns: 'Iptc4xmpCore', property: 'ExtDescrAccessibility', shape: 'langAlt' },
    exif: null,
    template: false,
    cli: { flag: 'ext-description' },
    labelKey: 'fieldExtDescription',
    editor: 'multiline',
    exported: true,
    searchable: false,
  },
  {
    key: 'digitalSourceType',
    kind: 'code',
    // IPTC Photo Metadata 2022.1 (Extension): a term's URI, never a bare code.
    iim: null,
    xmp: { ns: 'Iptc4xmpExt', property: 'DigitalSourceType', shape: 'simple' },
    exif: null,
    // A whole event can be scans of prints, or edits: the template sets it for all its photos.
    template: { since: 11 },
    cli: { flag: 'digital-source-type' },
    labelKey: 'fieldDigitalSourceType',
    editor: 'select',
    choice: {
      uri: DIGITAL_SOURCE_TYPE_URI,
      codes: DIGITAL_SOURCE_TYPES,
      labelsKey: 'choiceDigitalSourceType',
    },
    inputMax: 200,
    exported: true,
    searchable: false,
  },
  {
    key: 'aiSystemUsed',
    kind: 'text',
    // IPTC Photo Metadata 2025.1 (Extension): the AI system that made the picture.
    iim: null,
    xmp: { ns: 'Iptc4xmpExt', property: 'AISystemUsed', shape: 'simple' },
    exif: null,
    template: false,
    cli: { flag: 'ai-system' },
    labelKey: 'fieldAiSystemUsed',
    editor: 'line',
    inputMax: 500,
    shownWhen: { field: 'digitalSourceType', oneOf: AI_SOURCE_TYPE_URIS },
    exported: true,
    searchable: false,
  },
  {
    key: 'aiSystemVersionUsed',
    kind: 'text',
    // IPTC Photo Metadata 2025.1 (Extension): which version of that AI system.
    iim: null,
    xmp: { ns: 'Iptc4xmpExt', property: 'AISystemVersionUsed', shape: 'simple' },
    exif: null,
    template: false,
    cli: { flag: 'ai-system-version' },
    labelKey: 'fieldAiSystemVersionUsed',
    editor: 'line',
    inputMax: 200,
    shownWhen: { field: 'digitalSourceType', oneOf: AI_SOURCE_TYPE_URIS },
    exported: true,
    searchable: false,
  },
  {
    key: 'aiPrompt',
    kind: 'text',
    // IPTC Photo Metadata 2025.1 (Extension): AI Prompt Information, the prompt given to it.
    iim: null,
    xmp: { ns: 'Iptc4xmpExt', property: 'AIPromptInformation', shape: 'simple' },
    exif: null,
    template: false,
    cli: { flag: 'ai-prompt' },
    labelKey: 'fieldAiPrompt',
    editor: 'multiline',
    shownWhen: { field: 'digitalSourceType', oneOf: AI_SOURCE_TYPE_URIS },
    exported: true,
    searchable: false,
  },
  {
    key: 'aiPromptWriterName',
    kind: 'text',
    // IPTC Photo Metadata 2025.1 (Extension): who wrote the prompt, not always the photographer.
    iim: null,
    xmp: { ns: 'Iptc4xmpExt', property: 'AIPromptWriterName', shape: 'simple' },
    exif: null,
    template: false,
    cli: { flag: 'ai-prompt-writer' },
    labelKey: 'fieldAiPromptWriterName',
    editor: 'line',
    inputMax: 500,
    shownWhen: { field: 'digitalSourceType', oneOf: AI_SOURCE_TYPE_URIS },
    exported: true,
    searchable: false,
  },
  {
    key: 'keywords',
    kind: 'list',
    iim: { record: 2, dataset: 25, maxBytes: 64, repeatable: true },
    xmp: { ns: 'dc', property: 'subject', shape: 'bag' },
    exif: null,
    template: {},
    cli: { flag: 'keywords', split: ',' },
    labelKey: 'fieldKeywords',
    editor: 'line',
    inputMax: 500,
    exported: true,
    searchable: true,
  },
] as const satisfies readonly FieldSpec[];

type Row = (typeof FIELDS)[number];

/** Every field's name. */
export type FieldKey = Row['key'];
/** Fields holding a list of strings. */
export type ListFieldKey = Extract<Row, { kind: 'list' }>['key'];
/** Fields holding one string. */
export type TextFieldKey = Exclude<FieldKey, ListFieldKey>;
/** Fields of the event template. */
export type TemplateFieldKey = Exclude<Row, { template: false }>['key'];
/** Fields with a row in the UI's field editor. */
export type EditorFieldKey = Exclude<Row, { editor: false }>['key'];
/** Fields measured against a limit: IIM's bytes, or a standard's advised characters. */
export type BudgetFieldKey =
  | Exclude<Extract<Row, { iim: object }>, { kind: 'date' }>['key']
  | Extract<Row, { maxChars: number }>['key'];
/** Lists that also take one string. */
export type OneOrManyFieldKey = Extract<Row, { acceptsText: true }>['key'];
/** Fields shown by a caption {variable}. */
export type VariableFieldKey = Extract<Row, { variable: object }>['key'];
/** The {variable} names of fields (their main spelling). */
export type FieldVariableName = Extract<Row, { variable: object }>['variable']['name'];
/** Names of the variables menu's hints in the i18n dictionaries. */
export type VariableHintKey = Extract<Row, { variable: object }>['variable']['hintKey'];
/** Names of the field labels in the i18n dictionaries. */
export type FieldLabelKey = Row['labelKey'];
/** Names of the i18n dictionaries' label tables of choice fields (code → label). */
export type ChoiceLabelsKey = Extract<Row, { choice: object }>['choice']['labelsKey'];

/**
 * The values of a photo's fields, one type for every place that holds them (the sidecar,
 * the embedded blocks, the writer's input): a missing key is "not set here".
 */
export type FieldValues = { [K in TextFieldKey]?: string } & { [K in ListFieldKey]?: string[] };

/** The same as it arrives from JSON or the CLI: a by-line may come as one string. */
export type FieldInput = { [K in TextFieldKey]?: string } & {
  [K in Exclude<ListFieldKey, OneOrManyFieldKey>]?: string[];
} & { [K in OneOrManyFieldKey]?: string | string[] };

const BY_KEY = new Map<string, FieldSpec>(FIELDS.map((f) => [f.key, f]));

/** The row of a field name, or undefined for a name the catalog does not know. */
export function fieldSpec(key: string): FieldSpec | undefined {
  return BY_KEY.get(key);
}

export function isListField(key: FieldKey): key is ListFieldKey {
  return BY_KEY.get(key)!.kind === 'list';
}

/** The field names by kind and by use, in catalog order. */
export const TEXT_FIELD_KEYS = FIELDS.filter((f) => f.kind !== 'list').map(
  (f) => f.key,
) as readonly TextFieldKey[];
export const LIST_FIELD_KEYS = FIELDS.filter((f) => f.kind === 'list').map(
  (f) => f.key,
) as readonly ListFieldKey[];
export const TEMPLATE_FIELD_KEYS = FIELDS.filter((f) => f.template !== false).map(
  (f) => f.key,
) as readonly TemplateFieldKey[];

/** The limit a value is measured against while typing and in the caption checks. */
export interface FieldBudget {
  unit: 'bytes' | 'chars';
  limit: number;
  /** A list is measured item by item (each IIM dataset has the limit). */
  each: boolean;
}

/**
 * IIM's byte limit where the field has a dataset (a date is built by the writer, never cut),
 * else the characters a standard advises, else none.
 */
export function budgetOf(spec: FieldSpec): FieldBudget | null {
  if (spec.iim && spec.kind !== 'date')
    return { unit: 'bytes', limit: spec.iim.maxBytes, each: spec.iim.repeatable };
  if (spec.maxChars !== undefined)
    return { unit: 'chars', limit: spec.maxChars, each: spec.kind === 'list' };
  return null;
}
