import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../electron/contract/api';
import type { HeaderPatch } from './ArticleHeader';
import type { ArticleSaver } from './article-saver';
import type { Block } from './blocks';
import { focusBlock, focusField, type Caret, type HeaderField } from './focus';

function sameText(a: Article, b: Article): boolean {
  const text = (x: Article) => JSON.stringify({ ...x, updatedAt: '' });
  return text(a) === text(b);
}

/** Where the next photo goes: after this block, or at the top when in the header. */
export const HEADER = '\u0000header';

type FocusRequest =
  { n: number; id: string; caret: Caret; scroll: boolean } | { n: number; field: HeaderField };

/**
 * The article being edited: its text (each change scheduled for saving), the ticked
 * blocks, the block being edited, and where focus goes after the next render.
 */
export function useArticleDraft(
  folder: string,
  saver: ArticleSaver,
  editorRef: RefObject<HTMLElement | null>,
) {
  const [article, setArticle] = useState<Article | null>(null);
  // The newest text, for handlers that run before React has rendered it.
  const articleRef = useRef<Article | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const focusSeqRef = useRef(0);

  /** Another article (or none) in the editor, with nothing ticked or being edited. */
  const show = (a: Article | null) => {
    articleRef.current = a;
    setArticle(a);
    setSelected([]);
    setActive(null);
  };

  /**
   * The same article as saved elsewhere: taken when its text differs from ours (the
   * timestamps aside), keeping what is ticked or edited where those blocks still exist.
   * Returns whether anything changed.
   */
  const adopt = (a: Article): boolean => {
    const current = articleRef.current;
    if (!current || current.id !== a.id || sameText(current, a)) return false;
    articleRef.current = a;
    setArticle(a);
    const ids = new Set(a.body.map((b) => b.id));
    setSelected((list) => list.filter((id) => ids.has(id)));
    setActive((id) => (id && id !== HEADER && !ids.has(id) ? null : id));
    return true;
  };

  const update = (fn: (a: Article) => Article) => {
    const current = articleRef.current;
    if (!current) return;
    const next = fn(current);
    if (next === current) return;
    articleRef.current = next;
    setArticle(next);
    saver.schedule(folder, next);
  };

  const updateBody = (fn: (body: Block[]) => Block[]) =>
    update((a) => {
      const body = fn(a.body);
      return body === a.body ? a : { ...a, body };
    });

  const updateHeader = (patch: HeaderPatch) =>
    update((a) => {
      const { place, date, ...rest } = patch;
      const dateline =
        place !== undefined || date !== undefined
          ? { place: place ?? a.dateline.place, date: date ?? a.dateline.date }
          : a.dateline;
      return { ...a, ...rest, dateline };
    });

  const bodyNow = () => articleRef.current?.body ?? [];

  const focusLater = (id: string, caret: Caret, scroll = false) =>
    setFocusRequest({ n: ++focusSeqRef.current, id, caret, scroll });
  const focusFieldLater = (field: HeaderField) =>
    setFocusRequest({ n: ++focusSeqRef.current, field });

  useLayoutEffect(() => {
    if (!focusRequest) return;
    if ('field' in focusRequest) focusField(editorRef.current, focusRequest.field, false);
    else focusBlock(editorRef.current, focusRequest.id, focusRequest.caret, focusRequest.scroll);
  }, [focusRequest, editorRef]);

  return {
    folder,
    article,
    articleRef,
    selected,
    setSelected,
    active,
    setActive,
    show,
    adopt,
    update,
    updateBody,
    updateHeader,
    bodyNow,
    focusLater,
    focusFieldLater,
  };
}

export type ArticleDraft = ReturnType<typeof useArticleDraft>;
