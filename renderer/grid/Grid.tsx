import { useEffect, type KeyboardEvent, type Ref, type RefObject } from 'react';
import type { Tile as TileData } from '../../electron/api';
import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';
import type { PickHow } from '../selection/marks';
import { Tile, tileId } from './Tile';

interface GridProps {
  tiles: TileData[];
  selectedIndex: number;
  /** The multi-selection; the current photo is in it. */
  selected: ReadonlySet<string>;
  gridRef: RefObject<HTMLDivElement | null>;
  onSelect: (index: number, file: string, how: PickHow) => void;
  onOpenEditor: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
}

/**
 * One tab stop for the whole grid (a listbox with aria-activedescendant): arrow keys move
 * the selection, Tab goes straight to the caption, as in Photo Mechanic. Tiles are not
 * focusable, so a click focuses the grid itself and the keyboard stays in it.
 */
export function Grid({
  tiles,
  selectedIndex,
  selected,
  gridRef,
  onSelect,
  onOpenEditor,
  onKeyDown,
  onFocus,
}: GridProps) {
  const { mediaUrl } = useTransport();
  const { m } = useI18n();

  useEffect(() => {
    const tile = gridRef.current?.querySelector(`#${tileId(selectedIndex)}`);
    tile?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [gridRef, selectedIndex]);

  return (
    <div
      ref={gridRef as Ref<HTMLDivElement>}
      className="grid"
      role="listbox"
      tabIndex={0}
      aria-label={m.gridLabel}
      aria-multiselectable="true"
      aria-activedescendant={tiles.length ? tileId(selectedIndex) : undefined}
      data-testid="grid"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {tiles.map((tile, index) => (
        <Tile
          key={tile.file}
          tile={tile}
          index={index}
          current={index === selectedIndex}
          selected={index === selectedIndex || selected.has(tile.file)}
          mediaUrl={mediaUrl}
          m={m}
          onPick={onSelect}
          onOpenEditor={onOpenEditor}
        />
      ))}
    </div>
  );
}
