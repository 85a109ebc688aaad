import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/context';
import { modKey, modLabel } from '../ui/platform';
import { cx } from '../ui/cx';
import tabStyles from '../ui/workspace-tabs.module.css';

export type Workspace = 'photos' | 'article';

/** Which workspace shows; Ctrl/⌘+1 and Ctrl/⌘+2 switch from anywhere. */
export function useWorkspace(): [Workspace, (next: Workspace) => void] {
  const [workspace, setWorkspace] = useState<Workspace>('photos');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!modKey(event) || event.altKey || event.shiftKey) return;
      // A modal dialog keeps the keyboard.
      if (document.querySelector('dialog[open]')) return;
      const next = event.key === '1' ? 'photos' : event.key === '2' ? 'article' : null;
      if (!next) return;
      event.preventDefault();
      setWorkspace(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [workspace, setWorkspace];
}

export function WorkspaceSwitch({
  value,
  onChange,
}: {
  value: Workspace;
  onChange: (next: Workspace) => void;
}) {
  const { m } = useI18n();
  const tabs: [Workspace, string, string][] = [
    ['photos', m.wsPhotos, `${modLabel}+1`],
    ['article', m.wsArticle, `${modLabel}+2`],
  ];
  return (
    <nav className={tabStyles.wsSwitch} role="tablist" aria-label={m.wsLabel}>
      {tabs.map(([id, label, key]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={value === id}
          className={cx(tabStyles.wsTab, value === id && tabStyles.isActive)}
          data-testid={`workspace-${id}`}
          title={key}
          onClick={() => onChange(id)}
        >
          {label} <kbd>{key}</kbd>
        </button>
      ))}
    </nav>
  );
}
