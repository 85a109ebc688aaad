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

/** What each action does in one viewer; an action it leaves out is not its key. */
export type ViewerHandlers = {
  [K in ViewerAction['kind']]?: (action: Extract<ViewerAction, { kind: K }>) => void;
};

/**
 * Reads the key and runs the viewer's handler for it. A key the viewer handles goes no
 * further (not to the grid under it, not to the browser); any other passes on.
 */
export function handleViewerKey(
  event: Key & { preventDefault(): void; stopPropagation(): void },
  handlers: ViewerHandlers,
): void {
  const action = viewerAction(event);
  const handler = action && (handlers[action.kind] as ((a: ViewerAction) => void) | undefined);
  if (!action || !handler) return;
  handler(action);
  event.preventDefault();
  event.stopPropagation();
}
