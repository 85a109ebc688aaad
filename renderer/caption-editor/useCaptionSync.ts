import { useEffect, useLayoutEffect, useState } from 'react';
import { useTransport } from '../api/context';
import type { Autosaver, SaveStatus } from './autosaver';

export interface Conflict {
  /** The caption as it is now in the folder; null while it is being read. */
  theirs: string | null;
}

/**
 * Keeps an open editor honest about captions changed elsewhere (Photo Mechanic, a
 * find-and-replace, another window). The photo store is the truth: with nothing typed
 * in the editor, it takes each new caption the store reports. While typed text is on
 * its way the editor keeps it: the core refuses a save whose `expected` caption is no
 * longer there, and then, or when a change arrives over text typed here, the user
 * chooses. Nothing is dropped without a click.
 */
export function useCaptionSync({
  folder,
  file,
  incoming,
  draft,
  status,
  autosaver,
  setDraft,
}: {
  folder: string;
  file: string;
  /** The photo's own caption as the photo store reports it. */
  incoming: string;
  draft: string;
  status: SaveStatus;
  autosaver: Autosaver;
  setDraft: (text: string) => void;
}) {
  const { api } = useTransport();
  const [seen, setSeen] = useState(incoming);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [adopted, setAdopted] = useState<{ text: string } | null>(null);

  // Adjusting state while rendering: each new caption from the store is looked at once.
  if (incoming !== seen) {
    setSeen(incoming);
    // The store's captions are NFC; the draft is as typed (a Mac may type decomposed).
    if (incoming === draft.normalize('NFC')) {
      if (conflict) setConflict(null);
    } else if (conflict) {
      // The choice shows what the folder holds now.
      setConflict({ theirs: incoming });
    } else if (autosaver.isSaving(folder, file)) {
      // Ours is newer and on its way; if this was someone else's, the save is refused.
    } else if (autosaver.hasTyped(folder, file)) {
      // Over text typed here the user chooses, even when it was saved.
      setConflict({ theirs: incoming });
    } else {
      setDraft(incoming);
      setAdopted({ text: incoming });
    }
  }
  if (status.phase === 'conflict' && !conflict) setConflict({ theirs: null });

  // Later saves must expect the text the editor took, or the core would refuse them.
  useLayoutEffect(() => {
    if (adopted) autosaver.takeTheirs(folder, file, adopted.text);
  }, [adopted, autosaver, folder, file]);

  // A refused save names no text, and the store may not have heard of theirs yet.
  const unknown = conflict !== null && conflict.theirs === null;
  useEffect(() => {
    if (!unknown) return;
    let live = true;
    api.photoDetails({ folder, file }).then(
      (d) => {
        if (live) setConflict((c) => (c && c.theirs === null ? { theirs: d.captionOwn ?? '' } : c));
      },
      () => {
        if (live) setConflict((c) => (c && c.theirs === null ? { theirs: '' } : c));
      },
    );
    return () => {
      live = false;
    };
  }, [api, folder, file, unknown]);

  const keepMine = () => {
    if (!conflict || conflict.theirs === null) return;
    setConflict(null);
    void autosaver.keepMine(folder, file, conflict.theirs, draft.normalize('NFC'));
  };

  const takeTheirs = () => {
    if (!conflict || conflict.theirs === null) return;
    autosaver.takeTheirs(folder, file, conflict.theirs);
    setDraft(conflict.theirs);
    setConflict(null);
  };

  return { conflict, keepMine, takeTheirs };
}
