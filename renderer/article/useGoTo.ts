import type { RefObject } from 'react';
import type { ArticleIssue } from '../../electron/contract/api';
import { blockSelector, flash, focusBlock, focusField, type HeaderField } from './focus';

/** The checks that point at a header field rather than at a block. */
const ISSUE_FIELDS: Partial<Record<ArticleIssue['code'], HeaderField>> = {
  noHeadline: 'headline',
  noSapo: 'sapo',
  noByline: 'byline',
};

/**
 * Jumps from a check or from the preview to the place in the editor it is about, with a
 * short highlight; a block jumped to becomes the block being edited.
 */
export function useGoTo(
  editorRef: RefObject<HTMLElement | null>,
  stripRef: RefObject<HTMLElement | null>,
  setActive: (id: string) => void,
) {
  const goToIssue = (issue: ArticleIssue) => {
    const root = editorRef.current;
    const field = ISSUE_FIELDS[issue.code];
    if (field) {
      focusField(root, field);
      flash(root?.querySelector(`[data-field="${field}"]`));
    } else if (issue.blockId && focusBlock(root, issue.blockId, 'end', true)) {
      setActive(issue.blockId);
      flash(root?.querySelector(blockSelector(issue.blockId)));
    } else if (issue.code === 'noPhotos') {
      stripRef.current?.focus();
      flash(stripRef.current);
    }
  };

  const goToBlock = (id: string) => {
    if (focusBlock(editorRef.current, id, 'end', true)) {
      setActive(id);
      flash(editorRef.current?.querySelector(blockSelector(id)));
    }
  };

  return { goToIssue, goToBlock };
}
