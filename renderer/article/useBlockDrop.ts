import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import { addToGallery, moveBlockToGap, removeBlock } from './blocks';
import { dragKind, gapAt, readDrop, startBlockDrag } from './dnd';
import { blockSelector } from './focus';
import type { ArticleDraft } from './useArticleDraft';

/** Where a drag would land: a gap between blocks, or onto a gallery. */
export type Drop = { gap: number } | { gallery: string };

/**
 * Dragging in the body: photos from the strip and blocks from their handles drop into the
 * gaps between blocks; a photo, or a single photo block, dropped on a gallery joins it.
 */
export function useBlockDrop(
  draft: ArticleDraft,
  bodyRef: RefObject<HTMLDivElement | null>,
  insertPhoto: (file: string, gap: number) => void,
) {
  const { articleRef, bodyNow, updateBody } = draft;
  const [drop, setDrop] = useState<Drop | null>(null);
  const draggingBlockRef = useRef<string | null>(null);

  const blockElements = () =>
    bodyRef.current ? [...bodyRef.current.querySelectorAll(':scope > [data-block-id]')] : [];

  const onBodyDragOver = (event: DragEvent<HTMLDivElement>) => {
    const kind = dragKind(event);
    if (!kind || !articleRef.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = kind === 'photo' ? 'copy' : 'move';
    const gap = gapAt(blockElements(), event.clientY);
    if (!drop || !('gap' in drop) || drop.gap !== gap) setDrop({ gap });
  };

  const onBodyDrop = (event: DragEvent<HTMLDivElement>) => {
    const payload = readDrop(event);
    if (!payload) return;
    event.preventDefault();
    const gap = gapAt(blockElements(), event.clientY);
    setDrop(null);
    if (payload.kind === 'photo') insertPhoto(payload.file, gap);
    else updateBody((b) => moveBlockToGap(b, payload.id, gap));
  };

  const onBodyDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(null);
  };

  useEffect(() => {
    const clear = () => {
      draggingBlockRef.current = null;
      setDrop(null);
    };
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return () => {
      window.removeEventListener('dragend', clear);
      window.removeEventListener('drop', clear);
    };
  }, []);

  /** A photo, or a single photo block, dropped on a gallery joins it. */
  const galleryTakes = (event: DragEvent, galleryId: string) => {
    const kind = dragKind(event);
    if (kind === 'photo') return true;
    if (kind !== 'block') return false;
    const dragged = bodyNow().find((b) => b.id === draggingBlockRef.current);
    return dragged?.type === 'photo' && dragged.id !== galleryId;
  };

  const onBlockDragStart = (event: DragEvent, id: string) => {
    draggingBlockRef.current = id;
    startBlockDrag(event, id, bodyRef.current?.querySelector(blockSelector(id)));
  };

  const onGalleryDragOver = (event: DragEvent, id: string) => {
    if (!galleryTakes(event, id)) return;
    event.preventDefault();
    event.stopPropagation();
    if (!drop || !('gallery' in drop) || drop.gallery !== id) setDrop({ gallery: id });
  };

  const onGalleryDrop = (event: DragEvent, id: string) => {
    if (!galleryTakes(event, id)) return;
    const payload = readDrop(event);
    event.preventDefault();
    event.stopPropagation();
    setDrop(null);
    if (payload?.kind === 'photo') updateBody((b) => addToGallery(b, id, [payload.file]));
    else if (payload?.kind === 'block') {
      const dragged = bodyNow().find((b) => b.id === payload.id);
      if (dragged?.type === 'photo')
        updateBody((b) => removeBlock(addToGallery(b, id, [dragged.file]), dragged.id));
    }
  };

  return {
    drop,
    onBodyDragOver,
    onBodyDrop,
    onBodyDragLeave,
    onBlockDragStart,
    onGalleryDragOver,
    onGalleryDrop,
  };
}

export type BlockDrop = ReturnType<typeof useBlockDrop>;
