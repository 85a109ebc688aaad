import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTransport } from '../api/context';
import { useUnloadFlush } from '../app/useUnloadFlush';
import { Autosaver } from '../caption-editor/autosaver';
import { ArticleSaver } from './article-saver';

/**
 * The workspace's two writers: the article itself and the photos' own captions typed in
 * it. Whatever was typed is written when the window goes away, and when the workspace or
 * the folder is left.
 */
export function useArticleSavers() {
  const { api } = useTransport();
  const [saver] = useState(() => new ArticleSaver((args) => api.saveArticle(args)));
  const [autosaver] = useState(() => new Autosaver((args) => api.setCaption(args)));
  const saveStatus = useSyncExternalStore(saver.subscribe, saver.getStatus);

  useUnloadFlush(saver);
  useUnloadFlush(autosaver);
  // Leaving the workspace or the folder writes what was typed.
  useEffect(
    () => () => {
      void saver.flush();
      void autosaver.flush();
    },
    [saver, autosaver],
  );

  /** Everything typed is written: the core reads the saved article and captions. */
  const prepare = async () => {
    await Promise.all([saver.flush(), autosaver.flush()]);
    const status = saver.getStatus();
    // The save's own code travels on, so whoever shows this says why in the UI's language.
    if (status.phase === 'failed')
      throw Object.assign(new Error(status.failure.message), {
        code: status.failure.code,
        params: status.failure.params,
      });
  };

  return { saver, autosaver, saveStatus, prepare };
}

export type ArticleSavers = ReturnType<typeof useArticleSavers>;
