import { readStored, writeStored } from './storage';

/** Dark neutral grey is the default: colour judgement needs a neutral surround. */
export type Theme = 'dark' | 'light';

export const THEMES: readonly Theme[] = ['dark', 'light'];

const KEY = 'captiondesk.theme';

const isTheme = (v: unknown): v is Theme => v === 'dark' || v === 'light';

export function storedTheme(): Theme {
  return readStored(KEY, 'dark', isTheme);
}

/** tokens.css switches every colour on this attribute. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function saveTheme(theme: Theme): void {
  writeStored(KEY, theme);
  applyTheme(theme);
}
