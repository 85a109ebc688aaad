import { useI18n } from '../i18n/context';
import {
  blocksReducer,
  canMerge,
  gapAfter,
  indexOfBlock,
  insertBlocks,
  mergeIntoGallery,
  newBlockId,
  removeBlock,
  type Block,
} from './blocks';
import type { Notice } from './NoticeBar';
import { HEADER, type ArticleDraft } from './useArticleDraft';

/**
 * What can be done to the body's blocks from buttons and shortcuts: place a photo, add a
 * paragraph, remove, merge into a gallery, split a gallery. Focus follows each change.
 */
export function useBlockCommands(
  draft: ArticleDraft,
  confirm: (text: string, ok?: string) => Promise<boolean>,
  setNotice: (notice: Notice | null) => void,
) {
  const { m } = useI18n();
  const { articleRef, active, selected, bodyNow, updateBody, focusLater, focusFieldLater } = draft;

  /** The gap after the block being edited (the top when in the header, else the end). */
  const insertionGap = () => {
    const body = bodyNow();
    if (active === HEADER) return 0;
    return gapAfter(body, active);
  };

  const insertPhoto = (file: string, gap = insertionGap()) => {
    if (!articleRef.current) return;
    const id = newBlockId();
    updateBody((b) => insertBlocks(b, gap, [{ id, type: 'photo', file }]));
    // The next photo goes after this one, in the order they were placed.
    draft.setActive(id);
  };

  const newParagraphAt = (gap: number) => {
    const id = newBlockId();
    updateBody((b) => insertBlocks(b, gap, [{ id, type: 'paragraph', text: '' }]));
    focusLater(id, 'start');
  };

  const focusNeighbour = (body: readonly Block[], index: number) => {
    const prev = body[index - 1];
    const next = body[index + 1];
    if (prev) focusLater(prev.id, 'end');
    else if (next) focusLater(next.id, 'start');
    else focusFieldLater('sapo');
  };

  const removeWithConfirm = async (id: string) => {
    const body = bodyNow();
    const index = indexOfBlock(body, id);
    const block = body[index];
    if (!block) return;
    const hasText =
      (block.type === 'paragraph' && block.text.trim()) ||
      (block.type === 'gallery' && block.caption.trim());
    if (hasText && !(await confirm(m.blockRemoveConfirm, m.blockRemove))) return;
    updateBody((b) => removeBlock(b, id));
    draft.setSelected((s) => s.filter((x) => x !== id));
    focusNeighbour(body, index);
  };

  const mergeBlocks = () => {
    const body = bodyNow();
    let ids = selected;
    if (!canMerge(body, ids) && active && active !== HEADER) {
      // Nothing ticked: the block being edited with its picture neighbour.
      const i = indexOfBlock(body, active);
      const pairs = [
        [body[i]?.id, body[i + 1]?.id],
        [body[i - 1]?.id, body[i]?.id],
      ].map((p) => p.filter((x): x is string => !!x));
      ids = pairs.find((p) => canMerge(body, p)) ?? [];
    }
    if (!canMerge(body, ids)) {
      setNotice({ kind: 'info', text: (t) => t.mergeHint });
      return;
    }
    const id = newBlockId();
    updateBody((b) => mergeIntoGallery(b, ids, id));
    draft.setSelected([]);
    draft.setActive(id);
    focusLater(id, 'end');
  };

  const splitWithConfirm = async (id: string) => {
    const block = bodyNow().find((b) => b.id === id);
    if (block?.type !== 'gallery') return;
    if (block.caption.trim() && !(await confirm(m.splitConfirm, m.splitGallery))) return;
    const newIds = block.files.map(() => newBlockId());
    updateBody((b) => blocksReducer(b, { type: 'split', id, newIds }));
    draft.setSelected([]);
    if (newIds[0]) focusLater(newIds[0], 'end');
  };

  return {
    insertionGap,
    insertPhoto,
    newParagraphAt,
    focusNeighbour,
    removeWithConfirm,
    mergeBlocks,
    splitWithConfirm,
  };
}

export type BlockCommands = ReturnType<typeof useBlockCommands>;
