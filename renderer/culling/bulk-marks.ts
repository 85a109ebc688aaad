import {
  groupChanges,
  type CullingChange,
  type CullingCommand,
  type CullState,
} from './culling-keys';
import { previousMarks, type MarkChange } from './undo-stack';

/**
 * A culling key on a selection, as the one list of changes setCulling takes, and the
 * marks each photo had before, which undo sends back the same way.
 */
export function bulkChanges(
  command: CullingCommand,
  current: CullState,
  photos: readonly (CullState & { file: string })[],
): { before: MarkChange[]; after: MarkChange[] } {
  const changeOf = new Map<string, CullingChange>();
  for (const { files, change } of groupChanges(command, current, photos))
    for (const file of files) changeOf.set(file, change);
  const before: MarkChange[] = [];
  const after: MarkChange[] = [];
  for (const p of photos) {
    const change = changeOf.get(p.file);
    if (!change) continue;
    after.push({ file: p.file, culling: change });
    before.push({ file: p.file, culling: previousMarks(p, change) });
  }
  return { before, after };
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes; null for any other key. */
export function undoKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
