import { useRef, useState, type RefObject } from 'react';
import type { Article, ArticleIssue } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';

/**
 * The open article's checks, asked of the core after each save. Only the newest answer
 * for the article still open is shown.
 */
export function useArticleChecks(folder: string, articleRef: RefObject<Article | null>) {
  const { api } = useTransport();
  const [issues, setIssues] = useState<ArticleIssue[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const seqRef = useRef(0);

  const refresh = (id: string) => {
    const seq = ++seqRef.current;
    api.articleChecks({ folder, id }).then(
      (list) => {
        if (seq !== seqRef.current || articleRef.current?.id !== id) return;
        setIssues(list);
        setError(null);
      },
      (err: unknown) => {
        if (seq !== seqRef.current) return;
        setError(failureOf(err));
      },
    );
  };

  const clear = () => {
    setIssues(null);
    setError(null);
  };

  return { issues, error, refresh, clear };
}

export type ArticleChecks = ReturnType<typeof useArticleChecks>;
