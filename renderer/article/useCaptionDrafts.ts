import { useEffect, useEffectEvent, useState } from 'react';
import type { Photo, Tile } from '../../electron/contract/api';
import type { Autosaver } from '../caption-editor/autosaver';
import { editableCaption } from '../caption-editor/editable';

interface CaptionDraftsOptions {
  folder: string;
  tilesByFile: Map<string, Tile>;
  autosaver: Autosaver;
  /** A caption saved from here: the photo list shows it at once (the session's applySaved). */
  onPhotoSaved: (folder: string, photo: Photo) => void;
  /** A caption landed: the article's checks may have changed. */
  onLanded: () => void;
}

/**
 * The photos' own captions as typed under the article's pictures. A draft shows until the
 * photo's saved value catches up with it; from then on the photo's own value shows (and can
 * change elsewhere).
 */
export function useCaptionDrafts({
  folder,
  tilesByFile,
  autosaver,
  onPhotoSaved,
  onLanded,
}: CaptionDraftsOptions) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  const onCaptionSaved = useEffectEvent((savedFolder: string, photo: Photo) => {
    onPhotoSaved(savedFolder, photo);
    // The draft has landed: from now on the photo's own value shows (and can change elsewhere).
    setDrafts((d) => {
      if (d[photo.file] === undefined || d[photo.file] !== (photo.captionOwn ?? photo.caption))
        return d;
      return Object.fromEntries(Object.entries(d).filter(([file]) => file !== photo.file));
    });
    onLanded();
  });
  useEffect(
    () => autosaver.onSaved((savedFolder, photo) => onCaptionSaved(savedFolder, photo)),
    [autosaver],
  );

  const captionOf = (file: string) =>
    drafts[file] ??
    editableCaption(tilesByFile.get(file) ?? { caption: null, captionOwn: null }) ??
    '';

  /** What the preview shows: the caption being typed, else the caption that goes into the file. */
  const previewCaptionOf = (file: string) => {
    const tile = tilesByFile.get(file);
    const draft = drafts[file];
    if (draft !== undefined && draft !== (tile?.captionOwn ?? null)) return draft;
    return tile?.caption ?? '';
  };

  const beginCaption = (file: string) => {
    if (drafts[file] === undefined)
      autosaver.begin(
        folder,
        file,
        editableCaption(tilesByFile.get(file) ?? { caption: null, captionOwn: null }),
      );
  };

  const setCaption = (file: string, text: string) => {
    setDrafts((d) => ({ ...d, [file]: text }));
    autosaver.schedule(folder, file, text.normalize('NFC'));
  };

  /** These photos' captions were written elsewhere (an import): show their own values. */
  const forget = (files: ReadonlySet<string>) =>
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([f]) => !files.has(f))));

  return { captionOf, previewCaptionOf, beginCaption, setCaption, forget };
}

export type CaptionDrafts = ReturnType<typeof useCaptionDrafts>;
