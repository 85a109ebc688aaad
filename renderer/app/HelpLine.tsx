import { useI18n } from '../i18n/context';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function HelpLine() {
  const { m } = useI18n();
  const mod = isMac ? '⌘' : 'Ctrl';
  const items: [string, string][] = [
    ['← → ↑ ↓', m.keyArrows],
    ['Home / End', m.keyHomeEnd],
    ['Enter', m.keyEnter],
    ['Esc', m.keyEscape],
    [`${mod}+Enter`, m.keySaveNext],
  ];
  return (
    <footer className="helpline" aria-label={m.helpLabel} data-testid="help">
      {items.map(([keys, what]) => (
        <span key={keys} className="help-item">
          <kbd>{keys}</kbd> {what}
        </span>
      ))}
    </footer>
  );
}
