import { useI18n } from '../i18n/context';
import { MOD } from '../shortcuts/keys';

export function HelpLine({ onShowAll }: { onShowAll?: () => void }) {
  const { m } = useI18n();
  const items: [string, string][] = [
    ['← → ↑ ↓', m.keyArrows],
    ['Home / End', m.keyHomeEnd],
    ['Enter', m.keyEnter],
    ['Esc', m.keyEscape],
    [`${MOD}+Enter`, m.keySaveNext],
    ['0–5 · 6–9 · P X U', m.keyCullShort],
    [m.keySpace, m.keyLoupeShort],
    [`${MOD}+Z`, m.keyUndoShort],
    ['T', m.keyTemplateShort],
    [`${MOD}+F`, m.keySearchShort],
    [`${MOD}+H`, m.keyReplaceShort],
  ];
  return (
    <footer className="helpline" aria-label={m.helpLabel} data-testid="help">
      {items.map(([keys, what]) => (
        <span key={keys} className="help-item">
          <kbd>{keys}</kbd> {what}
        </span>
      ))}
      {onShowAll ? (
        <button type="button" className="help-more" data-testid="help-all" onClick={onShowAll}>
          <kbd>?</kbd> {m.keyMore}
        </button>
      ) : null}
    </footer>
  );
}
