/** What a key does while the code suggestion list is open. Null: the key is the editor's. */
export type SuggestionAction =
  { kind: 'move'; index: number } | { kind: 'accept'; index: number } | { kind: 'close' };

export function suggestionKey(
  key: string,
  mods: { shift: boolean; ctrl: boolean; alt: boolean; meta: boolean },
  index: number,
  count: number,
): SuggestionAction | null {
  if (count === 0) return null;
  // Ctrl+Enter still means "save and next"; Shift+Tab still leaves the field.
  if (mods.ctrl || mods.alt || mods.meta) return null;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: (index + 1) % count };
    case 'ArrowUp':
      return { kind: 'move', index: (index - 1 + count) % count };
    case 'Enter':
      return { kind: 'accept', index };
    case 'Tab':
      return mods.shift ? null : { kind: 'accept', index };
    case 'Escape':
      return { kind: 'close' };
    default:
      return null;
  }
}
