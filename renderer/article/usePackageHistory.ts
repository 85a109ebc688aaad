import { useEffect, useState } from 'react';
import {
  loadHistory,
  saveHistory,
  withoutArticle,
  withRecord,
  type PackageHistory,
  type PackageRecord,
} from '../package/history';

/** The packages built from this folder's articles, kept per article. */
export function usePackageHistory(folder: string) {
  const [history, setHistory] = useState<PackageHistory>(() => loadHistory(folder));
  useEffect(() => saveHistory(folder, history), [folder, history]);

  const recordsOf = (articleId: string | undefined) =>
    articleId ? (history[articleId] ?? []) : [];
  const record = (articleId: string, rec: PackageRecord) =>
    setHistory((h) => withRecord(h, articleId, rec));
  const forget = (articleId: string) => setHistory((h) => withoutArticle(h, articleId));

  return { recordsOf, record, forget };
}
