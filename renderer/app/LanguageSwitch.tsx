import { useI18n } from '../i18n/context';
import { isLang, languageNames, languages } from '../i18n/languages';

export function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  return (
    <select
      className="select"
      aria-label={m.language}
      title={m.language}
      data-testid="language"
      value={lang}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLang(next)) setLang(next);
      }}
    >
      {languages.map((l) => (
        <option key={l} value={l}>
          {languageNames[l]}
        </option>
      ))}
    </select>
  );
}
