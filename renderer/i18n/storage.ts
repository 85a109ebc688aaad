import { isLang, type Lang } from './languages';

const KEY = 'captiondesk.lang';

/** Storage can be disabled (privacy settings); the app must still start, in Vietnamese. */
export function loadLang(): Lang {
  try {
    const stored = localStorage.getItem(KEY);
    return isLang(stored) ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered across restarts, nothing worse.
  }
}
