import type { DragEvent, KeyboardEvent } from 'react';
import type { Tile } from '../../electron/contract/api';
import type { Autosaver } from '../caption-editor/autosaver';
import {
  moveBlockBy,
  removeFromGallery,
  setGalleryCaption,
  setParagraphText,
  type Block,
} from './blocks';
import type { ArticleDraft } from './useArticleDraft';
import type { BlockCommands } from './useBlockCommands';
import type { BlockDrop } from './useBlockDrop';
import type { CaptionDrafts } from './useCaptionDrafts';

/** What the body's blocks may ask of the article workspace, which owns the state. */
export interface EditorController {
  folder: string;
  tilesByFile: Map<string, Tile>;
  autosaver: Autosaver;
  /** The photo's own caption as being edited (an unsaved draft, else the saved text). */
  captionOf(file: string): string;
  beginCaption(file: string): void;
  setCaption(file: string, text: string): void;
  setParagraph(id: string, text: string): void;
  setGalleryCaption(id: string, caption: string): void;
  /** Keys inside a block's text: Enter, Backspace, arrows across blocks, Alt+arrows. */
  onTextKey(event: KeyboardEvent<HTMLTextAreaElement>, block: Block): void;
  onBlockFocus(id: string): void;
  moveBy(id: string, delta: -1 | 1): void;
  remove(id: string): void;
  split(id: string): void;
  setSelected(id: string, on: boolean): void;
  removeFromGallery(id: string, file: string): void;
  onBlockDragStart(event: DragEvent, id: string): void;
  onGalleryDragOver(event: DragEvent, id: string): void;
  onGalleryDrop(event: DragEvent, id: string): void;
}

/** The workspace's parts, joined into what the blocks see. */
export function editorController(parts: {
  folder: string;
  tilesByFile: Map<string, Tile>;
  autosaver: Autosaver;
  draft: ArticleDraft;
  captions: CaptionDrafts;
  commands: BlockCommands;
  dnd: BlockDrop;
  onTextKey: EditorController['onTextKey'];
}): EditorController {
  const { draft, captions, commands, dnd } = parts;
  const { updateBody } = draft;
  return {
    folder: parts.folder,
    tilesByFile: parts.tilesByFile,
    autosaver: parts.autosaver,
    captionOf: captions.captionOf,
    beginCaption: captions.beginCaption,
    setCaption: captions.setCaption,
    setParagraph: (id, text) => updateBody((b) => setParagraphText(b, id, text)),
    setGalleryCaption: (id, caption) => updateBody((b) => setGalleryCaption(b, id, caption)),
    onTextKey: parts.onTextKey,
    onBlockFocus: (id) => draft.setActive(id),
    moveBy: (id, delta) => updateBody((b) => moveBlockBy(b, id, delta)),
    remove: (id) => void commands.removeWithConfirm(id),
    split: (id) => void commands.splitWithConfirm(id),
    setSelected: (id, on) =>
      draft.setSelected((s) =>
        on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id),
      ),
    removeFromGallery: (id, file) => updateBody((b) => removeFromGallery(b, id, file)),
    onBlockDragStart: dnd.onBlockDragStart,
    onGalleryDragOver: dnd.onGalleryDragOver,
    onGalleryDrop: dnd.onGalleryDrop,
  };
}
