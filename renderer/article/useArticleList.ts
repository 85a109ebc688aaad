import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Article, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import type { ArticleSummary } from './ArticleList';
import {
  byNewest,
  readDefaults,
  readLastOpen,
  rememberDefaults,
  rememberLastOpen,
  summaryOf,
} from './article-summary';
import { photosInArticleOrder } from './blocks';
import type { Notice } from './NoticeBar';
import type { ArticleChecks } from './useArticleChecks';
import type { ArticleDraft } from './useArticleDraft';
import type { ArticleSavers } from './useArticleSavers';

interface ArticleListOptions {
  folder: string;
  tiles: Tile[];
  savers: ArticleSavers;
  draft: ArticleDraft;
  checks: ArticleChecks;
  setNotice: (notice: Notice | null) => void;
  confirm: (text: string, ok?: string) => Promise<boolean>;
  /** Import wrote these photos' captions: drafts of them are stale. */
  onCaptionsImported: (files: ReadonlySet<string>) => void;
}

/**
 * The folder's articles: listed newest first, the last one open comes back, and new,
 * open, import and delete. Before another article opens, what was typed is written.
 */
export function useArticleList({
  folder,
  tiles,
  savers,
  draft,
  checks,
  setNotice,
  confirm,
  onCaptionsImported,
}: ArticleListOptions) {
  const { api, onEvent } = useTransport();
  const { m } = useI18n();
  const { saver, prepare } = savers;
  const { articleRef } = draft;
  const [summaries, setSummaries] = useState<ArticleSummary[] | null>(null);
  const openSeqRef = useRef(0);

  const onArticleSaved = useEffectEvent((saved: Article) => {
    setSummaries((list) =>
      list ? byNewest(list.map((s) => (s.id === saved.id ? summaryOf(saved) : s))) : list,
    );
    rememberDefaults(saved);
    if (articleRef.current?.id === saved.id) checks.refresh(saved.id);
  });
  useEffect(() => saver.onSaved((_folder, saved) => onArticleSaved(saved)), [saver]);

  // Another window, tab or the CLI saved or deleted an article: the core says so with its
  // text. The open article takes it only when nothing typed here is still on its way, so
  // no keystroke is lost; our own saves come back equal and change nothing.
  const onArticleChanged = useEffectEvent((id: string, changed: Article | null) => {
    if (!changed) {
      setSummaries((list) => list?.filter((s) => s.id !== id) ?? list);
      if (articleRef.current?.id === id && !saver.hasUnsaved()) show(null);
      return;
    }
    setSummaries((list) => {
      if (!list) return list;
      const known = list.some((s) => s.id === id);
      const summary = summaryOf(changed);
      return byNewest(known ? list.map((s) => (s.id === id ? summary : s)) : [summary, ...list]);
    });
    if (articleRef.current?.id === id && !saver.hasUnsaved() && draft.adopt(changed))
      checks.refresh(id);
  });
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'articleChanged' && event.folder === folder)
          onArticleChanged(event.id, event.article);
      }),
    [onEvent, folder],
  );

  const show = (a: Article | null) => {
    draft.show(a);
    checks.clear();
    if (a) {
      rememberLastOpen(folder, a.id);
      checks.refresh(a.id);
    }
  };

  const open = async (id: string) => {
    const seq = ++openSeqRef.current;
    await prepare().catch(() => undefined);
    try {
      const a = await api.getArticle({ folder, id });
      if (seq !== openSeqRef.current) return;
      show(a);
      setNotice(null);
    } catch (err) {
      if (seq === openSeqRef.current)
        setNotice({ kind: 'error', text: (t) => t.artLoadFailed(describeError(err, t)) });
    }
  };

  const onListed = useEffectEvent((list: ArticleSummary[]) => {
    const sorted = byNewest(list);
    setSummaries(sorted);
    const last = readLastOpen(folder);
    const pick = sorted.find((a) => a.id === last) ?? sorted[0];
    if (pick) void open(pick.id);
  });
  const onListFailed = useEffectEvent((err: unknown) => {
    setSummaries([]);
    setNotice({ kind: 'error', text: (t) => t.artLoadFailed(describeError(err, t)) });
  });
  useEffect(() => {
    let live = true;
    api.listArticles({ folder }).then(
      (list) => live && onListed(list),
      (err: unknown) => live && onListFailed(err),
    );
    return () => {
      live = false;
    };
  }, [api, folder]);

  const create = async () => {
    await prepare().catch(() => undefined);
    try {
      const blank = await api.createArticle({ folder });
      const defaults = readDefaults();
      const city = tiles.find((t) => t.city || t.province);
      const a: Article = {
        ...blank,
        byline: defaults.byline,
        authorInitials: defaults.authorInitials,
        dateline: { ...blank.dateline, place: city?.city ?? city?.province ?? '' },
      };
      setSummaries((list) => [summaryOf(a), ...(list ?? []).filter((s) => s.id !== a.id)]);
      show(a);
      if (a.byline || a.dateline.place) saver.schedule(folder, a);
      setNotice(null);
      draft.focusFieldLater('headline');
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artCreateFailed(describeError(err, t)) });
    }
  };

  const remove = async (s: ArticleSummary) => {
    const ok = await confirm(m.artDeleteConfirm(s.headline.trim() || m.artUntitled), m.artDelete);
    if (!ok) return;
    await saver.discard(s.id);
    try {
      await api.deleteArticle({ folder, id: s.id });
      setSummaries((list) => list?.filter((x) => x.id !== s.id) ?? list);
      if (articleRef.current?.id === s.id) show(null);
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artDeleteFailed(describeError(err, t)) });
    }
  };

  const importText = async (text: string) => {
    let structure: unknown;
    try {
      structure = JSON.parse(text);
    } catch (err) {
      setNotice({
        kind: 'error',
        text: (t) => t.artImportBadJson(String((err as Error).message ?? err)),
      });
      return;
    }
    await prepare().catch(() => undefined);
    try {
      const a = await api.importArticle({ folder, structure });
      setSummaries((list) =>
        byNewest([summaryOf(a), ...(list ?? []).filter((s) => s.id !== a.id)]),
      );
      show(a);
      setNotice({ kind: 'info', text: (t) => t.artImported(a.headline.trim() || t.artUntitled) });
      // The captions went to the photos themselves: show them here and in the grid.
      onCaptionsImported(new Set(photosInArticleOrder(a.body)));
      // The grid hears of them through the core's photosChanged event.
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artImportFailed(describeError(err, t)) });
    }
  };

  return { summaries, open, create, remove, importText };
}
