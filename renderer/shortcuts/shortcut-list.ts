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
        ['Page Up / Page Down', m.keyPage],
        ['Home / End', m.keyHomeEnd],
        ['Shift + ← → ↑ ↓ · Page Up/Down · Home/End', m.keyExtend],
        [`Shift + ${m.keyClick}`, m.keyExtendClick],
        [`${MOD} + ${m.keyClick}`, m.keyToggleClick],
        [`${MOD} + A`, m.keySelectAll],
        ['Enter', m.keyEnter],
        [`${MOD} + = / ${MOD} + −`, m.keyTileSize],
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
        [`${MOD} + Z`, m.keyUndo],
        [`${MOD} + Shift + Z`, m.keyRedo],
      ],
    },
    {
      title: m.keysLoupe,
      keys: [
        [m.keySpace, m.keyLoupe],
        ['C', m.keyCompare],
        [`${m.keyClick} · Z`, m.keyLoupeZoom],
        [m.keyDrag, m.keyLoupePan],
        ['← →', m.keyLoupeFlip],
        [`${m.keyClick} · Tab`, m.keyComparePane],
        ['Esc', m.keyLoupeClose],
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
