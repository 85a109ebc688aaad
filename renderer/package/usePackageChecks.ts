import { useEffect, useEffectEvent, useState } from 'react';
import type { ArticleIssue } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';

/** The article's checks, run again on the article as saved once what is being typed is written. */
export function usePackageChecks(folder: string, articleId: string, prepare: () => Promise<void>) {
  const { api } = useTransport();
  const [issues, setIssues] = useState<ArticleIssue[] | null>(null);
  const [checksError, setChecksError] = useState<Failure | null>(null);

  const load = useEffectEvent(() => {
    let live = true;
    prepare()
      .then(() => api.articleChecks({ folder, id: articleId }))
      .then(
        (list) => live && setIssues(list),
        (err: unknown) => live && setChecksError(failureOf(err)),
      );
    return () => {
      live = false;
    };
  });
  // Once per opening, like the presets.
  useEffect(() => load(), []);

  return { issues, checksError };
}
