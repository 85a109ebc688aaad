import { useState, type KeyboardEvent } from 'react';
import {
  collectEdits,
  countChanges,
  emptyDraft,
  movePhoto,
  placePhoto,
  type Draft,
  type Manifest,
} from './edits';

/**
 * The editor's changes to an opened package, not saved yet: texts, photo order, dropped
 * photos and new comments, with the edits they amount to.
 */
export function useReviewDraft(manifest: Manifest) {
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(manifest));
  const edits = collectEdits(manifest, draft);
  const pending = countChanges(edits, draft.comments);
  const dropped = new Set(draft.dropped);
  const update = (change: (d: Draft) => Partial<Draft>) =>
    setDraft((d) => ({ ...d, ...change(d) }));

  const move = (id: string, by: -1 | 1) => update((d) => ({ order: movePhoto(d.order, id, by) }));
  const place = (id: string, onto: string) =>
    update((d) => ({ order: placePhoto(d.order, id, onto) }));
  const toggleDrop = (id: string) =>
    update((d) => ({
      dropped: d.dropped.includes(id) ? d.dropped.filter((x) => x !== id) : [...d.dropped, id],
    }));
  const addComment = (target: string, text: string) =>
    update((d) => ({ comments: [...d.comments, { target, text }] }));
  const removeComment = (target: string, text: string) =>
    update((d) => ({
      comments: d.comments.filter((c) => !(c.target === target && c.text === text)),
    }));

  /** Alt+↑/↓ moves the focused photo, Delete drops it (or keeps it again). */
  const photoKeys = (id: string) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(id, event.key === 'ArrowUp' ? -1 : 1);
      // Keep the keyboard on the moved photo once it re-renders in its new place.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-photo-id="${CSS.escape(id)}"]`)?.focus(),
      );
    } else if (event.key === 'Delete') {
      event.preventDefault();
      toggleDrop(id);
    }
  };

  return {
    draft,
    edits,
    pending,
    dropped,
    update,
    move,
    place,
    toggleDrop,
    addComment,
    removeComment,
    photoKeys,
  };
}

export type ReviewDraft = ReturnType<typeof useReviewDraft>;
