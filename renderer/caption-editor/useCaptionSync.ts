import { useEffect, useLayoutEffect, useState } from 'react';
import { useTransport } from '../api/context';
import type { Autosaver, SaveStatus } from './autosaver';

export interface Conflict {
  /** The caption as it is now in the folder; null while it is being read. */
  theirs: string | null;
}

/**
 * Keeps an open editor honest about captions changed elsewhere (Photo Mechanic, a
 * find-and-replace, another window). With nothing unsaved, the editor takes the new text;
 * with unsaved text, or a save the core refused, the user chooses. Nothing is dropped
 * without a click.
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
  /** The photo's own caption as the folder listing reports it. */
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

  // Adjusting state while rendering: each new listing is looked at once.
  if (incoming !== seen) {
    setSeen(incoming);
    const kind = autosaver.classify(folder, file, incoming);
    if (incoming === draft) {
      if (conflict) setConflict(null);
    } else if (kind === 'clean') {
      setDraft(incoming);
      setAdopted({ text: incoming });
      if (conflict) setConflict(null);
    } else if (kind === 'dirty') {
      setConflict({ theirs: incoming });
    }
  }
  if (status.phase === 'conflict' && !conflict) setConflict({ theirs: null });

  // Later saves must expect the text the editor took, or the core would refuse them.
  useLayoutEffect(() => {
    if (adopted) autosaver.takeTheirs(folder, file, adopted.text);
  }, [adopted, autosaver, folder, file]);

  // A refused save names no text; the folder is asked what it holds now.
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
