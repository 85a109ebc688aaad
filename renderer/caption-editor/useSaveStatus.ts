import { useCallback, useSyncExternalStore } from 'react';
import type { Autosaver, SaveStatus } from './autosaver';

export function useSaveStatus(autosaver: Autosaver, folder: string, file: string): SaveStatus {
  const snapshot = useCallback(() => autosaver.statusOf(folder, file), [autosaver, folder, file]);
  return useSyncExternalStore(autosaver.subscribe, snapshot);
}
