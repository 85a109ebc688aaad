import { describe, expect, it } from 'vitest';
import type { EventSettings } from '../../electron/contract/api';
import { eventOf, formOf, sameEvent, withApply, withField, withKeywords } from './template-form';

const field = (value = '', apply = false) => ({ value, apply });
const event: EventSettings = {
  template: {
    event: '',
    caption: field(),
    headline: field(),
    byline: field(),
    credit: field(),
    source: field(),
    copyright: field(),
    city: field(),
    province: field(),
    country: field('Việt Nam'),
    countryCode: field('VNM'),
    location: field(),
    dateCreated: field(),
    jobId: field(),
    instructions: field(),
    digitalSourceType: field(),
    keywords: { value: [], apply: false },
  },
  ownTextPosition: 'before',
  autoApply: false,
  templateName: null,
  timeZone: 'Asia/Ho_Chi_Minh',
};

describe('template form', () => {
  it('ticks apply when a field is typed into, and keeps an explicit untick', () => {
    let form = withField(formOf(event), 'city', 'Lào Cai');
    expect(form.event.template.city).toEqual({ value: 'Lào Cai', apply: true });
    form = withApply(form, 'city', false);
    form = withField(form, 'city', '');
    expect(form.event.template.city).toEqual({ value: '', apply: false });
  });

  it('keeps keywords as typed and saves them as a list', () => {
    const form = withKeywords(formOf(event), 'hội nghị, công đoàn, ');
    expect(form.keywords).toBe('hội nghị, công đoàn, ');
    expect(eventOf(form).template.keywords).toEqual({
      value: ['hội nghị', 'công đoàn'],
      apply: true,
    });
  });

  it('knows when the form differs from what was saved', () => {
    expect(sameEvent(eventOf(formOf(event)), event)).toBe(true);
    expect(sameEvent(eventOf(withField(formOf(event), 'credit', 'Báo Lào Cai')), event)).toBe(
      false,
    );
  });
});
