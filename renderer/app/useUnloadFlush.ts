import { useEffect } from 'react';

/**
 * The last keystrokes must survive closing the window or reloading. No "unsaved changes"
 * prompt: in Electron a cancelled beforeunload silently blocks closing.
 */
export function useUnloadFlush(saver: { flush(): Promise<void> }): void {
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saver]);
}
