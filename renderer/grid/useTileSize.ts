import { useEffect, useEffectEvent, useState } from 'react';
import { readStored, writeStored } from '../ui/storage';
import { TILE_SIZE_DEFAULT, TILE_SIZE_STEP, clampTileSize } from './virtual-layout';

const KEY = 'captiondesk.tileSize';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/**
 * The thumbnail size, remembered across sessions: a slider in the grid's bar and
 * Ctrl/Cmd + '=' / '-' (instead of the browser's zoom, which would scale the whole UI).
 */
export function useTileSize() {
  const [size, setSizeState] = useState(() =>
    clampTileSize(readStored(KEY, TILE_SIZE_DEFAULT, isNumber)),
  );
  const setSize = (next: number) => {
    const clamped = clampTileSize(next);
    setSizeState(clamped);
    writeStored(KEY, clamped);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    if (event.key === '=' || event.key === '+') {
      event.preventDefault();
      setSize(size + TILE_SIZE_STEP);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      setSize(size - TILE_SIZE_STEP);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return [size, setSize] as const;
}
