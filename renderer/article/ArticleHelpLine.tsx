import { useI18n } from '../i18n/context';
import { modLabel } from '../ui/platform';

export function ArticleHelpLine() {
  const { m } = useI18n();
  const mod = modLabel;
  const items: [string, string][] = [
    [`${mod}+1 / ${mod}+2`, m.keyWorkspaces],
    ['Enter', m.keyNewParagraph],
    ['Backspace', m.keyRemoveEmpty],
    [`${m.keyAlt}+↑ / ${m.keyAlt}+↓`, m.keyMoveBlock],
    [`I · ${mod}+Shift+P`, m.keyInsertPhoto],
    [`${mod}+G / ${mod}+Shift+G`, m.keyMerge],
    [`${mod}+Shift+K`, m.keyRemoveBlock],
    [`${mod}+Shift+E`, m.keyPackage],
  ];
  return (
    <footer className="helpline" aria-label={m.helpLabelArticle} data-testid="article-help">
      {items.map(([keys, what]) => (
        <span key={keys} className="help-item">
          <kbd>{keys}</kbd> {what}
        </span>
      ))}
    </footer>
  );
}
