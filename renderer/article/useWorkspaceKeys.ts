import { useEffect, useEffectEvent } from 'react';
import { modKey } from '../ui/platform';
import { HEADER, type ArticleDraft } from './useArticleDraft';
import type { BlockCommands } from './useBlockCommands';

/**
 * The workspace's shortcuts, heard anywhere in the window while an article is open and no
 * dialog is: Mod+Shift+E package, Mod+Shift+P place the strip's photo, Mod+G merge,
 * Mod+Shift+G split a gallery, Mod+Shift+K remove the block being edited.
 */
export function useWorkspaceKeys(
  draft: ArticleDraft,
  commands: BlockCommands,
  stripSelected: string | null,
  openPackage: () => void,
) {
  const { articleRef, active, bodyNow } = draft;
  const onGlobalKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (!articleRef.current || document.querySelector('dialog[open]')) return;
    if (!modKey(event) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (event.shiftKey && key === 'e') {
      event.preventDefault();
      openPackage();
    } else if (event.shiftKey && key === 'p') {
      event.preventDefault();
      if (stripSelected) commands.insertPhoto(stripSelected);
    } else if (!event.shiftKey && key === 'g') {
      event.preventDefault();
      commands.mergeBlocks();
    } else if (event.shiftKey && key === 'g') {
      event.preventDefault();
      if (active && bodyNow().find((b) => b.id === active)?.type === 'gallery')
        void commands.splitWithConfirm(active);
    } else if (event.shiftKey && key === 'k') {
      event.preventDefault();
      if (active && active !== HEADER) void commands.removeWithConfirm(active);
    }
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onGlobalKey(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
