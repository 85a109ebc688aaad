/**
 * HTML5 drag and drop between the photo strip and the article body. The payload travels
 * in the DataTransfer under our own types (so other windows and apps ignore it); while
 * dragging, only the types can be read, so the kind is told from them.
 */
import type { DragEvent } from 'react';

export const PHOTO_TYPE = 'application/x-captiondesk-photo';
export const BLOCK_TYPE = 'application/x-captiondesk-block';

export type DragPayload = { kind: 'photo'; file: string } | { kind: 'block'; id: string };

export function startPhotoDrag(event: DragEvent, file: string): void {
  event.dataTransfer.setData(PHOTO_TYPE, file);
  event.dataTransfer.setData('text/plain', file);
  event.dataTransfer.effectAllowed = 'copyMove';
}

export function startBlockDrag(event: DragEvent, id: string, image?: Element | null): void {
  event.dataTransfer.setData(BLOCK_TYPE, id);
  event.dataTransfer.effectAllowed = 'move';
  if (image) event.dataTransfer.setDragImage(image, 16, 16);
}

/** What is being dragged, by type only (dragover cannot read the data). */
export function dragKind(event: DragEvent): 'photo' | 'block' | null {
  const types = event.dataTransfer.types;
  if (types.includes(PHOTO_TYPE)) return 'photo';
  if (types.includes(BLOCK_TYPE)) return 'block';
  return null;
}

export function readDrop(event: DragEvent): DragPayload | null {
  const file = event.dataTransfer.getData(PHOTO_TYPE);
  if (file) return { kind: 'photo', file };
  const id = event.dataTransfer.getData(BLOCK_TYPE);
  if (id) return { kind: 'block', id };
  return null;
}

/**
 * The gap (0…n) the pointer is over in a vertical list: before the first item whose
 * middle is below the pointer.
 */
export function gapAt(items: readonly Element[], clientY: number): number {
  for (let i = 0; i < items.length; i++) {
    const r = items[i]!.getBoundingClientRect();
    if (clientY < r.top + r.height / 2) return i;
  }
  return items.length;
}
