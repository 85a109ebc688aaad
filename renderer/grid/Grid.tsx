import {
  useLayoutEffect,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import type { Tile as TileData } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';
import type { PickHow } from '../selection/marks';
import type { CredentialsBadge } from '../credentials/badge';
import { Tile, tileId } from './Tile';
import {
  cellPosition,
  gridLayout,
  scrollToShow,
  visibleRange,
  type GridLayout,
} from './virtual-layout';
import { cx } from '../ui/cx';
import styles from './grid.module.css';

/** Rows rendered above and below the viewport, so a fast wheel does not show holes. */
const MARGIN_ROWS = 3;

interface GridProps {
  tiles: TileData[];
  selectedIndex: number;
  /** The multi-selection; the current photo is in it. */
  selected: ReadonlySet<string>;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Size of a tile's square frame, in CSS pixels. */
  tileSize: number;
  /** Filled with the layout on every render: the keyboard moves by its columns and pages. */
  layoutRef: RefObject<GridLayout | null>;
  onSelect: (index: number, file: string, how: PickHow) => void;
  onOpenEditor: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
  /** Extra marks for a tile (the assisted culling's badges); keep it stable when possible. */
  badgesOf?: (tile: TileData) => ReactNode;
  /** A tile's Content Credentials mark and its text; asked only for the tiles rendered. */
  credentialsOf?: (tile: TileData) => { badge: CredentialsBadge; text: string } | null;
}

/**
 * One tab stop for the whole grid (a listbox with aria-activedescendant): arrow keys move
 * the selection, Tab goes straight to the caption, as in Photo Mechanic. Tiles are not
 * focusable, so a click focuses the grid itself and the keyboard stays in it.
 *
 * Virtualized: the layout is computed (virtual-layout.ts) from the grid's width and the
 * tile size, and only the rows on screen plus a margin are rendered, absolutely placed in
 * a box as tall as all the rows. The current photo is always rendered, so that
 * aria-activedescendant never points at nothing.
 */
export function Grid({
  tiles,
  selectedIndex,
  selected,
  gridRef,
  tileSize,
  layoutRef,
  onSelect,
  onOpenEditor,
  onKeyDown,
  onFocus,
  badgesOf,
  credentialsOf,
}: GridProps) {
  const { mediaUrl } = useTransport();
  const { m } = useI18n();
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const layout = gridLayout(tiles.length, size.width, size.height, tileSize);
  useLayoutEffect(() => {
    layoutRef.current = layout;
  });

  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    // Once at mount, before the first paint; then the observer reports without a reflow.
    setSize({ width: el.clientWidth, height: el.clientHeight });
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [gridRef]);

  // The current photo comes into view by the computed offset of its row; the tile may
  // not exist in the DOM yet, so nothing is asked of it.
  const { columns, rowStride, viewportHeight } = layout;
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el || viewportHeight === 0) return;
    const target = scrollToShow(
      gridLayout(tiles.length, size.width, viewportHeight, tileSize),
      selectedIndex,
      el.scrollTop,
    );
    if (target === null) return;
    el.scrollTop = target;
    setScrollTop(target);
    // The tile count is left out on purpose: a thumbnail arriving must not scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gridRef, selectedIndex, columns, rowStride, viewportHeight]);

  const range = visibleRange(layout, scrollTop, MARGIN_ROWS);
  const onScroll = () => {
    const el = gridRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const next = visibleRange(layout, top, MARGIN_ROWS);
    // Re-render only when another row comes in; the browser scrolls the rest itself.
    if (next.start !== range.start || next.end !== range.end) setScrollTop(top);
  };

  const indexes: number[] = [];
  for (let i = range.start; i < range.end; i++) indexes.push(i);
  if (selectedIndex >= 0 && selectedIndex < tiles.length) {
    if (selectedIndex < range.start) indexes.unshift(selectedIndex);
    else if (selectedIndex >= range.end) indexes.push(selectedIndex);
  }

  const style = { '--frame': `${tileSize}px` } as CSSProperties;
  return (
    <div
      ref={gridRef as Ref<HTMLDivElement>}
      className={cx(styles.grid, styles.isVirtual)}
      role="listbox"
      tabIndex={0}
      aria-label={m.gridLabel}
      aria-multiselectable="true"
      aria-activedescendant={tiles.length ? tileId(selectedIndex) : undefined}
      data-testid="grid"
      style={style}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onScroll={onScroll}
    >
      <div className={styles.gridSpace} role="presentation" style={{ height: layout.totalHeight }}>
        {indexes.map((index) => {
          const tile = tiles[index]!;
          const { top, left } = cellPosition(layout, index);
          const credentials = tile.credentials ? credentialsOf?.(tile) : null;
          return (
            <Tile
              key={tile.file}
              tile={tile}
              index={index}
              count={tiles.length}
              top={top}
              left={left}
              width={layout.cellWidth}
              height={layout.cellHeight}
              current={index === selectedIndex}
              selected={index === selectedIndex || selected.has(tile.file)}
              mediaUrl={mediaUrl}
              m={m}
              onPick={onSelect}
              onOpenEditor={onOpenEditor}
              badges={badgesOf?.(tile)}
              credentials={credentials?.badge}
              credentialsText={credentials?.text}
            />
          );
        })}
      </div>
    </div>
  );
}
