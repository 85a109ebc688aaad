import type { Messages } from '../i18n/vi';
import { MOD } from './keys';

export interface ShortcutGroup {
  title: string;
  keys: [keys: string, what: string][];
}

/** Every shortcut, for the sheet (?); the help line shows the most used. */
export function shortcutGroups(m: Messages): ShortcutGroup[] {
  return [
    {
      title: m.keysGrid,
      keys: [
        ['← → ↑ ↓', m.keyArrows],
        ['Home / End', m.keyHomeEnd],
        ['Shift + ← → ↑ ↓', m.keyExtend],
        [`Shift + ${m.keyClick}`, m.keyExtendClick],
        [`${MOD} + ${m.keyClick}`, m.keyToggleClick],
        [`${MOD} + A`, m.keySelectAll],
        ['Enter', m.keyEnter],
      ],
    },
    {
      title: m.keysCulling,
      keys: [
        ['0 – 5', m.keyRating],
        ['6 · 7 · 8 · 9', m.keyColors],
        ['P', m.keyPick],
        ['X', m.keyReject],
        ['U', m.keyUnflag],
      ],
    },
    {
      title: m.keysCaption,
      keys: [
        ['Esc', m.keyEscape],
        [`${MOD} + Enter`, m.keySaveNext],
        [m.keyCodeKeys, m.keyCode],
        [m.keyCodeColumnKeys, m.keyCodeColumn],
        [m.keyCodeSuggestKeys, m.keyCodeSuggest],
        ['↑ ↓ · Enter / Tab · Esc', m.keySuggestNav],
      ],
    },
    {
      title: m.keysTools,
      keys: [
        ['T', m.keyTemplate],
        [`${MOD} + F`, m.keySearch],
        [`${MOD} + H`, m.keyReplace],
        [`${MOD} + Shift + I`, m.ingestButton],
        [`${MOD} + S`, m.keyTemplateSave],
        ['?', m.keyAll],
      ],
    },
  ];
}
