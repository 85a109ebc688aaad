import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { captioningEn } from './messages.en';
import { captioningVi } from './messages.vi';

describe('captioning dictionaries', () => {
  // Feature dictionaries are spread into one object: a key another feature also defines
  // would silently replace one of the two texts.
  it('reach the app dictionaries unchanged, so no other dictionary shares a key', () => {
    for (const key of Object.keys(captioningVi) as (keyof typeof captioningVi)[]) {
      expect(vi[key], key).toBe(captioningVi[key]);
      expect(en[key], key).toBe(captioningEn[key]);
    }
  });
});
