import type { KeyboardEvent } from 'react';
import { modKey } from '../ui/platform';
import {
  indexOfBlock,
  joinParagraphWithPrevious,
  moveBlockBy,
  newBlockId,
  removeBlock,
  setParagraphText,
  splitParagraph,
  type Block,
} from './blocks';
import { caretAtEnd, caretAtStart } from './text-field';
import type { ArticleDraft } from './useArticleDraft';
import type { BlockCommands } from './useBlockCommands';

/**
 * The editor read as one text: Enter, Backspace and the arrows cross from block to block
 * (and from the header into the body), Alt+arrows move a block.
 */
export function textKeys(draft: ArticleDraft, commands: BlockCommands) {
  const { bodyNow, updateBody, focusLater, focusFieldLater } = draft;
  const { newParagraphAt, focusNeighbour } = commands;

  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>, block: Block) => {
    if (event.nativeEvent.isComposing) return;
    const el = event.currentTarget;
    const mod = modKey(event);
    if (
      event.altKey &&
      !mod &&
      !event.shiftKey &&
      (event.key === 'ArrowUp' || event.key === 'ArrowDown')
    ) {
      event.preventDefault();
      const caret = el.selectionStart;
      updateBody((b) => moveBlockBy(b, block.id, event.key === 'ArrowUp' ? -1 : 1));
      focusLater(block.id, caret);
      return;
    }
    if (event.altKey || mod) return;
    const body = bodyNow();
    const i = indexOfBlock(body, block.id);
    if (event.key === 'ArrowUp' && caretAtStart(el)) {
      event.preventDefault();
      const prev = body[i - 1];
      if (prev) focusLater(prev.id, 'end');
      else focusFieldLater('sapo');
      return;
    }
    if (event.key === 'ArrowDown' && caretAtEnd(el) && body[i + 1]) {
      event.preventDefault();
      focusLater(body[i + 1]!.id, 'start');
      return;
    }
    if (block.type === 'paragraph') {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        const start = el.selectionStart;
        const text = el.value.slice(0, start) + el.value.slice(el.selectionEnd);
        const id = newBlockId();
        updateBody((b) => splitParagraph(setParagraphText(b, block.id, text), block.id, start, id));
        focusLater(id, 'start');
      } else if (event.key === 'Backspace' && el.value === '') {
        event.preventDefault();
        updateBody((b) => removeBlock(b, block.id));
        focusNeighbour(body, i);
      } else if (event.key === 'Backspace' && caretAtStart(el)) {
        const joined = joinParagraphWithPrevious(body, block.id);
        if (!joined) return;
        event.preventDefault();
        updateBody(() => joined.body);
        focusLater(joined.into, joined.caret);
      }
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      // A caption is one paragraph: Enter goes on writing below the picture.
      event.preventDefault();
      const next = body[i + 1];
      if (next?.type === 'paragraph' && !next.text) focusLater(next.id, 'start');
      else newParagraphAt(i + 1);
    }
  };

  /** Enter in the headline goes to the sapo; in the sapo, to the body's first paragraph. */
  const onEnterFrom = (field: 'headline' | 'sapo') => {
    if (field === 'headline') {
      focusFieldLater('sapo');
      return;
    }
    const first = bodyNow()[0];
    if (first?.type === 'paragraph') focusLater(first.id, 'start');
    else newParagraphAt(0);
  };

  return { onTextKey, onEnterFrom };
}
