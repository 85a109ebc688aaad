/**
 * The desktop shell's menus and dialogs speak the UI's language: the shell is told it
 * when the app starts and whenever the user switches. Browser mode has no shell.
 */
import { useEffect, useMemo } from 'react';
import { useTransport } from '../api/context';
import type { Transport } from '../api/transport';
import { useI18n } from '../i18n/context';
import type { Lang } from '../i18n/languages';

/** Says each new language once; a shell that cannot hear it (an older build) costs nothing. */
export function shellLanguageSync(setLanguage: Transport['setLanguage']): (lang: Lang) => void {
  let told: Lang | null = null;
  return (lang) => {
    if (!setLanguage || lang === told) return;
    told = lang;
    setLanguage(lang).catch(() => {
      told = null;
    });
  };
}

export function useShellLanguage(): void {
  const { setLanguage } = useTransport();
  const { lang } = useI18n();
  const tell = useMemo(() => shellLanguageSync(setLanguage), [setLanguage]);
  useEffect(() => tell(lang), [tell, lang]);
}
