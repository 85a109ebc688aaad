/**
 * The contract's schemas for the metadata fields, derived from the field catalog: what
 * setFields takes, what a listed photo carries, what the template holds and what a
 * package's JPEG was read back as.
 */
import { z } from 'zod';
import {
  FIELDS,
  type FieldSpec,
  type ListFieldKey,
  type OneOrManyFieldKey,
  type TemplateFieldKey,
  type TextFieldKey,
} from '../../common/fields/catalog';
import { choiceUri } from '../../common/fields/choice';
import { text } from './text';

/** What the contract accepts when a row sets no limit of its own. */
const DEFAULT_MAX = 20000;

type Shape<T> = { [K in keyof T]: T[K] };

function shapeOf<S>(rows: readonly FieldSpec[], schema: (row: FieldSpec) => z.ZodType): S {
  return Object.fromEntries(rows.map((r) => [r.key, schema(r)])) as S;
}

function inputSchema(row: FieldSpec): z.ZodType {
  const max = row.inputMax ?? DEFAULT_MAX;
  const choice = row.choice;
  if (choice)
    return text(max).transform((v, ctx) => {
      const uri = choiceUri(choice, v);
      if (uri !== null) return uri;
      ctx.addIssue({
        code: 'custom',
        message: `not a ${row.key} term: give one of ${choice.codes.join(', ')}, or its URI`,
      });
      return z.NEVER;
    });
  if (row.kind !== 'list') return text(max);
  if (!row.acceptsText) return z.array(text(max));
  return z
    .union([text(max), z.array(text(max))])
    .transform((v) => (Array.isArray(v) ? v : v ? [v] : []));
}

/** Editable metadata, with the same names in the API, the CLI's fields.json and the export writer. */
export const fieldsShape = shapeOf<
  Shape<
    { [K in TextFieldKey]: z.ZodType<string, string> } & {
      [K in Exclude<ListFieldKey, OneOrManyFieldKey>]: z.ZodType<string[], string[]>;
    } & { [K in OneOrManyFieldKey]: z.ZodType<string[], string | string[]> }
  >
>(FIELDS, inputSchema);

/** A listed photo's fields: text or null, a list (or, for a by-line, its first name or null). */
export const photoFieldsShape = shapeOf<
  Shape<
    { [K in Exclude<TextFieldKey, 'caption'>]: z.ZodType<string | null> } & {
      [K in Exclude<ListFieldKey, OneOrManyFieldKey>]: z.ZodType<string[]>;
    } & { [K in OneOrManyFieldKey]: z.ZodType<string | null> }
  >
>(
  FIELDS.filter((f) => f.key !== 'caption'),
  (row) =>
    row.kind === 'list' && row.photoValue !== 'first' ? z.array(z.string()) : z.string().nullable(),
);

/** A field as a package's JPEG holds it, read back: text or null, lists whole. */
export const embeddedFieldsShape = shapeOf<
  Shape<
    { [K in TextFieldKey]: z.ZodType<string | null> } & { [K in ListFieldKey]: z.ZodType<string[]> }
  >
>(FIELDS, (row) => (row.kind === 'list' ? z.array(z.string()) : z.string().nullable()));

const templateField = z.object({ value: text(), apply: z.boolean() });
const templateList = z.object({ value: z.array(text(500)), apply: z.boolean() });
type TemplateField = typeof templateField;
type TemplateList = typeof templateList;

/** The template's fields: each a value and whether applying the template sets it. */
export const templateFieldsShape = shapeOf<
  Shape<{
    [K in TemplateFieldKey]: K extends Exclude<ListFieldKey, OneOrManyFieldKey>
      ? TemplateList
      : TemplateField;
  }>
>(
  FIELDS.filter((f) => f.template !== false),
  (row) => {
    if (row.kind === 'list' && !row.acceptsText) return templateList;
    const field = row.choice
      ? z.object({ value: inputSchema(row), apply: z.boolean() })
      : templateField;
    return row.template && row.template.since !== undefined
      ? field.default({ value: '', apply: false })
      : field;
  },
);
