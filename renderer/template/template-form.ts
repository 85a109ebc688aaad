import type { EventSettings, Template } from '../../electron/contract/api';
import type { BudgetField } from '../../common/text/byte-budget';
import {
  FIELDS,
  type FieldSpec,
  type ListFieldKey,
  type OneOrManyFieldKey,
} from '../../common/fields/catalog';
import { budgetField } from '../fields/field-defs';
import { joinList, splitList } from '../fields/common-value';

/** The template's text fields under the shared caption (keywords have a row of their own). */
export type TemplateFieldName = Exclude<
  keyof Template,
  'event' | 'caption' | Exclude<ListFieldKey, OneOrManyFieldKey>
>;

export interface TemplateRow {
  name: TemplateFieldName;
  budget: BudgetField | null;
  multiline?: boolean;
  placeholder?: 'date' | 'countryCode';
  /** A select of a vocabulary's terms. */
  choice?: NonNullable<FieldSpec['choice']>;
}

/** The template's fields under the shared caption, in the catalog's order. */
export const TEMPLATE_ROWS: readonly TemplateRow[] = FIELDS.flatMap((f) =>
  f.template === false || f.key === 'caption' || (f.kind === 'list' && !('acceptsText' in f))
    ? []
    : [
        {
          name: f.key as TemplateFieldName,
          budget: budgetField(f.key),
          multiline: f.editor === 'multiline',
          placeholder: 'placeholder' in f.template ? f.template.placeholder : undefined,
          ...('choice' in f ? { choice: f.choice } : {}),
        },
      ],
);

/**
 * The panel's working copy. Keywords stay as typed ("hội nghị, ") until saved, or a
 * comma would vanish under the reporter's fingers.
 */
export interface TemplateForm {
  event: EventSettings;
  keywords: string;
}

export function formOf(event: EventSettings): TemplateForm {
  return { event, keywords: joinList(event.template.keywords.value) };
}

export function eventOf(form: TemplateForm): EventSettings {
  const { event } = form;
  return {
    ...event,
    template: {
      ...event.template,
      keywords: { ...event.template.keywords, value: splitList(form.keywords) },
    },
  };
}

export function sameEvent(a: EventSettings, b: EventSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Typing into a field ticks "apply", as Photo Mechanic's stationery pad does. */
export function withField(
  form: TemplateForm,
  name: TemplateFieldName | 'caption',
  value: string,
): TemplateForm {
  const t = form.event.template;
  const field = t[name];
  return {
    ...form,
    event: {
      ...form.event,
      template: { ...t, [name]: { value, apply: field.apply || value.trim() !== '' } },
    },
  };
}

export function withApply(form: TemplateForm, name: keyof Template, apply: boolean): TemplateForm {
  if (name === 'event') return form;
  const t = form.event.template;
  return {
    ...form,
    event: { ...form.event, template: { ...t, [name]: { ...t[name], apply } } },
  };
}

export function withKeywords(form: TemplateForm, text: string): TemplateForm {
  const t = form.event.template;
  return {
    keywords: text,
    event: {
      ...form.event,
      template: {
        ...t,
        keywords: { ...t.keywords, apply: t.keywords.apply || text.trim() !== '' },
      },
    },
  };
}
