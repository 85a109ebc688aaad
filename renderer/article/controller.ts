import type { DragEvent, KeyboardEvent } from 'react';
import type { Tile } from '../../electron/contract/api';
import type { Autosaver } from '../caption-editor/autosaver';
import type { Block } from './blocks';

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
