import type { EventSettings, Template } from '../../electron/contract/api';
import type { BudgetField } from '../../common/text/byte-budget';
import { joinList, splitList } from '../fields/common-value';

export type TemplateFieldName = Exclude<keyof Template, 'event' | 'caption' | 'keywords'>;

export interface TemplateRow {
  name: TemplateFieldName;
  budget: BudgetField | null;
  multiline?: boolean;
  placeholder?: 'date' | 'countryCode';
}

/** The template's fields under the shared caption, in the order a desk fills them. */
export const TEMPLATE_ROWS: readonly TemplateRow[] = [
  { name: 'headline', budget: 'headline' },
  { name: 'byline', budget: 'byline' },
  { name: 'credit', budget: 'credit' },
  { name: 'source', budget: 'source' },
  { name: 'copyright', budget: 'copyright' },
  { name: 'dateCreated', budget: null, placeholder: 'date' },
  { name: 'location', budget: 'location' },
  { name: 'city', budget: 'city' },
  { name: 'province', budget: 'province' },
  { name: 'country', budget: 'country' },
  { name: 'countryCode', budget: 'countryCode', placeholder: 'countryCode' },
  { name: 'jobId', budget: 'jobId' },
  { name: 'instructions', budget: 'instructions', multiline: true },
];

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
