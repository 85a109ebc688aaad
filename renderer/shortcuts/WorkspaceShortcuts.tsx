import { useEffect, useEffectEvent } from 'react';
import { isEditable } from './keys';

interface Handlers {
  onTemplate: () => void;
  onSearch: () => void;
  onReplace: () => void;
  onHelp: () => void;
}

/**
 * Shortcuts of the photo workspace that work from anywhere in it: T (template) and ?
 * (shortcut sheet) when not typing; Ctrl/Cmd+F and Ctrl/Cmd+H always, instead of the
 * browser's own find. Rendered inside the workspace, so another workspace does not get them.
 */
export function WorkspaceShortcuts(handlers: Handlers) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    // A modal dialog owns the keyboard until it closes.
    const modal = document.querySelector('dialog[open]') !== null;
    if (mod && !event.altKey && !event.shiftKey && (key === 'f' || key === 'h')) {
      if (modal) return;
      event.preventDefault();
      if (key === 'f') handlers.onSearch();
      else handlers.onReplace();
      return;
    }
    if (mod || event.altKey || modal || isEditable(event.target)) return;
    if (key === 't') {
      event.preventDefault();
      handlers.onTemplate();
    } else if (event.key === '?') {
      event.preventDefault();
      handlers.onHelp();
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return null;
}
