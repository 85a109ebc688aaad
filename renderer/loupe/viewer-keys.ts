import { undoKey } from '../culling/bulk-marks';
import { cullingCommand, type CullingCommand } from '../culling/culling-keys';

/** What a key does in the loupe and in compare: one reading, so the two never drift apart. */
export type ViewerAction =
  | { kind: 'undo' | 'redo' | 'close' | 'next' | 'previous' | 'first' | 'last' | 'zoom' }
  | { kind: 'pane'; back: boolean }
  | { kind: 'cull'; command: CullingCommand };

interface Key {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function viewerAction(event: Key): ViewerAction | null {
  const undo = undoKey(event);
  if (undo) return { kind: undo };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case ' ':
    case 'Escape':
      return { kind: 'close' };
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'previous' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'Tab':
      return { kind: 'pane', back: event.shiftKey };
  }
  if (event.key.toLowerCase() === 'z') return { kind: 'zoom' };
  const command = cullingCommand(event.key);
  return command ? { kind: 'cull', command } : null;
}
