import { useEffect, useState } from 'react';
import { useTransport } from '../api/context';

const NONE: string[] = [];

/**
 * The packages built from the folder's articles (by the app or the CLI) that are still on
 * disk, newest first, as the core lists them: suggestions for the path to send.
 */
export function useBuiltPackages(folder: string | null): string[] {
  const { api } = useTransport();
  const [state, setState] = useState<{ folder: string; paths: string[] } | null>(null);
  useEffect(() => {
    if (!folder) return;
    let live = true;
    api.listPackages({ folder }).then(
      (list) => {
        if (!live) return;
        const paths = list.filter((p) => p.status === 'ok').map((p) => p.path);
        setState({ folder, paths });
      },
      // Only suggestions: without them a path is typed, and sending says what is wrong with it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, folder]);
  return state?.folder === folder ? state.paths : NONE;
}
