import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { Tile } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { startPhotoDrag } from './dnd';
import { Thumb } from './Thumb';
import { cx } from '../ui/cx';
import styles from './list-strip.module.css';

interface PhotoStripProps {
  tiles: Tile[];
  selected: string | null;
  uses: Map<string, number>;
  stripRef: RefObject<HTMLDivElement | null>;
  onSelect: (file: string) => void;
  onInsert: (file: string) => void;
}

const optionId = (i: number) => `strip-${i}`;

/** Columns of a wrapping grid: the items on the first row. */
function columnsOf(list: HTMLElement): number {
  const items = list.children;
  const top = (items[0] as HTMLElement | undefined)?.offsetTop;
  let n = 0;
  for (const item of items) {
    if ((item as HTMLElement).offsetTop !== top) break;
    n++;
  }
  return Math.max(1, n);
}

/**
 * The folder's photos beside the editor: a listbox (one tab stop, arrows move), each
 * photo draggable into the article; I or Enter places the selected one after the
 * block being edited.
 */
export function PhotoStrip({
  tiles,
  selected,
  uses,
  stripRef,
  onSelect,
  onInsert,
}: PhotoStripProps) {
  const { m } = useI18n();
  const index = tiles.findIndex((t) => t.file === selected);

  useEffect(() => {
    if (index < 0) return;
    stripRef.current
      ?.querySelector(`#${optionId(index)}`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [index, stripRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const list = event.currentTarget;
    const cols = columnsOf(list);
    const at = Math.max(0, index);
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowLeft':
        next = at - 1;
        break;
      case 'ArrowRight':
        next = index < 0 ? 0 : at + 1;
        break;
      case 'ArrowUp':
        next = at - cols;
        break;
      case 'ArrowDown':
        next = index < 0 ? 0 : at + cols;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tiles.length - 1;
        break;
      case 'Enter':
      case 'i':
      case 'I':
        if (selected) {
          event.preventDefault();
          onInsert(selected);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    const tile = tiles[Math.max(0, Math.min(tiles.length - 1, next))];
    if (tile) onSelect(tile.file);
  };

  return (
    <section className={styles.astrip} aria-label={m.stripTitle}>
      <h2 className={cx('section-title', styles.astripTitle)}>
        {m.stripTitle} <span className="muted">{tiles.length}</span>
      </h2>
      {tiles.length === 0 ? <p className="empty">{m.stripEmpty}</p> : null}
      <div
        ref={stripRef}
        className={styles.astripList}
        role="listbox"
        tabIndex={0}
        aria-label={m.stripLabel}
        aria-activedescendant={index >= 0 ? optionId(index) : undefined}
        data-testid="photo-strip"
        onKeyDown={onKeyDown}
      >
        {tiles.map((tile, i) => {
          const used = uses.get(tile.file) ?? 0;
          const captioned = (tile.caption ?? '').trim().length > 0;
          return (
            <div
              key={tile.file}
              id={optionId(i)}
              role="option"
              aria-selected={tile.file === selected}
              className={cx(
                styles.astripItem,
                tile.file === selected && styles.isSelected,
                used > 0 && styles.isUsed,
              )}
              data-testid={`strip-${tile.file}`}
              title={tile.caption ? `${tile.file}\n${tile.caption}` : tile.file}
              draggable={!tile.error}
              onDragStart={(event) => {
                onSelect(tile.file);
                startPhotoDrag(event, tile.file);
              }}
              onMouseDown={() => onSelect(tile.file)}
              onDoubleClick={() => onInsert(tile.file)}
            >
              <Thumb tile={tile} file={tile.file} size="strip" />
              <span className={styles.astripName}>{tile.file}</span>
              {captioned ? <span className={styles.astripCaptioned} aria-hidden="true" /> : null}
              {used ? <span className={styles.astripUsed}>{m.stripUsed(used)}</span> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
