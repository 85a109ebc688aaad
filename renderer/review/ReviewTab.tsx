import { useEffect, useState } from 'react';
import { modKey, modLabel } from '../ui/platform';
import { useI18n } from '../i18n/context';
import { cx } from '../ui/cx';
import tabs from '../ui/workspace-tabs.module.css';

/**
 * Whether the review workspace shows: Ctrl/⌘+3 opens it from anywhere, Ctrl/⌘+1 and +2
 * (the photo and article workspaces' keys) leave it.
 */
export function useReviewMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!modKey(event) || event.altKey || event.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '3') {
        event.preventDefault();
        setOn(true);
      } else if (event.key === '1' || event.key === '2') setOn(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [on, setOn];
}

/** The third workspace tab, shown beside the photo/article switch. */
export function ReviewTab({ active, onOpen }: { active: boolean; onOpen: () => void }) {
  const { m } = useI18n();
  const key = `${modLabel}+3`;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      className={cx(tabs.wsTab, active && tabs.isActive)}
      data-testid="workspace-review"
      title={key}
      onClick={onOpen}
    >
      {m.wsReview} <kbd>{key}</kbd>
    </button>
  );
}
