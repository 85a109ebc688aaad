import { useRef, useState, type RefObject } from 'react';
import type { Article, ArticleIssue } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';

/**
 * The open article's checks, asked of the core after each save. Only the newest answer
 * for the article still open is shown.
 */
export function useArticleChecks(folder: string, articleRef: RefObject<Article | null>) {
  const { api } = useTransport();
  const [issues, setIssues] = useState<ArticleIssue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
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
        setError(errorMessage(err));
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
