/**
 * Undo and redo of culling marks. Each step remembers the marks before and after for
 * every photo it touched, so undoing sends the previous marks back in one call, and a
 * photo changed by someone else since is still put back exactly as it was.
 */
import type { CullingChange, CullState } from './culling-keys';

export interface MarkChange {
  file: string;
  culling: CullingChange;
}

export interface MarkStep {
  folder: string;
  /** What the status line says was done ("3 stars on 500 photos"). */
  what: string;
  before: MarkChange[];
  after: MarkChange[];
}

const LIMIT = 100;

/** Immutable, so React state can hold it. */
export interface UndoStack {
  done: readonly MarkStep[];
  undone: readonly MarkStep[];
}

export const EMPTY_UNDO: UndoStack = { done: [], undone: [] };

/** A new step; whatever was undone cannot be redone any more. */
export function pushStep(stack: UndoStack, step: MarkStep): UndoStack {
  return { done: [...stack.done, step].slice(-LIMIT), undone: [] };
}

/** The step to undo for this folder and the stack after it, or null when there is none. */
export function undoStep(
  stack: UndoStack,
  folder: string,
): { step: MarkStep; stack: UndoStack } | null {
  const step = stack.done.at(-1);
  if (!step || step.folder !== folder) return null;
  return { step, stack: { done: stack.done.slice(0, -1), undone: [...stack.undone, step] } };
}

export function redoStep(
  stack: UndoStack,
  folder: string,
): { step: MarkStep; stack: UndoStack } | null {
  const step = stack.undone.at(-1);
  if (!step || step.folder !== folder) return null;
  return { step, stack: { done: [...stack.done, step], undone: stack.undone.slice(0, -1) } };
}

const MARK_KEYS = ['rating', 'label', 'colorClass', 'pick'] as const;

/** The marks a change is about to overwrite, so that undo can write them back. */
export function previousMarks(photo: CullState, change: CullingChange): CullingChange {
  const before: CullingChange = {};
  for (const key of MARK_KEYS) {
    if (key in change) (before as Record<string, unknown>)[key] = photo[key];
  }
  return before;
}
