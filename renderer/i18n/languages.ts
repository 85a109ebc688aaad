import { en } from './en';
import { vi, type Messages } from './vi';

export type Lang = 'vi' | 'en';

export const dictionaries: Readonly<Record<Lang, Messages>> = { vi, en };

/** Each language names itself, so the switch reads right whatever is selected. */
export const languageNames: Readonly<Record<Lang, string>> = { vi: 'Tiếng Việt', en: 'English' };

export const languages = Object.keys(dictionaries) as Lang[];

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}
