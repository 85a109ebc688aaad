import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Tile } from '../../electron/contract/api';
import type { CullingCommand } from '../culling/culling-keys';
import { useI18n } from '../i18n/context';
import { PhotoInfo } from './PhotoInfo';
import { CENTRE, FIT, type Zoom } from './zoom';
import { ZoomView } from './ZoomView';
import { handleViewerKey } from './viewer-keys';
import styles from './loupe.module.css';
import { cx } from '../ui/cx';

/**
 * Two or four photos side by side. A click makes a pane active (a click on the active
 * pane zooms, and the zoom is shared by every pane, to compare focus at the same spot);
 * culling keys mark the active pane's photo; ← → put the previous or next photo of the
 * grid in the active pane; Tab moves to the next pane; Esc closes.
 */
export function Compare({
  files,
  order,
  tileOf,
  onCull,
  onUndo,
  onRedo,
  onClose,
}: {
  files: string[];
  /** The grid's order, for ← →. */
  order: readonly string[];
  tileOf: (file: string) => Tile | undefined;
  onCull: (command: CullingCommand, tile: Tile) => void;
  onUndo: () => void;
  onRedo: () => void;
  onClose: () => void;
}) {
  const { m } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [panes, setPanes] = useState(files);
  const [active, setActive] = useState(0);
  const [zoom, setZoom] = useState<Zoom>(FIT);

  useEffect(() => ref.current?.focus(), []);

  const move = (by: number) => {
    const file = panes[active];
    if (file === undefined) return;
    const next = order[order.indexOf(file) + by];
    if (next === undefined) return;
    setPanes((p) => p.map((f, i) => (i === active ? next : f)));
  };

  const activeTile = panes[active] === undefined ? undefined : tileOf(panes[active]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) =>
    handleViewerKey(event, {
      undo: onUndo,
      redo: onRedo,
      close: onClose,
      pane: ({ back }) => setActive((a) => (a + (back ? panes.length - 1 : 1)) % panes.length),
      next: () => move(1),
      previous: () => move(-1),
      zoom: () => setZoom(zoom.zoomed ? FIT : CENTRE),
      // A pane whose photo is gone has nothing to mark: the key passes on.
      cull: activeTile ? ({ command }) => onCull(command, activeTile) : undefined,
    });

  return (
    <div
      ref={ref}
      className={cx(styles.loupe, styles.compare, styles[`is${panes.length}`])}
      role="dialog"
      aria-modal="true"
      aria-label={m.compareLabel}
      tabIndex={-1}
      data-testid="compare"
      onKeyDown={onKeyDown}
    >
      <div className={styles.comparePanes}>
        {panes.map((file, i) => {
          const tile = tileOf(file);
          return (
            <div
              key={i}
              className={cx(styles.comparePane, i === active && styles.isActive)}
              data-testid={`compare-pane-${i}`}
              aria-current={i === active}
            >
              {tile ? (
                <>
                  <ZoomView
                    key={file}
                    tile={tile}
                    zoom={zoom}
                    onZoom={setZoom}
                    onClick={() => {
                      if (i === active) return false;
                      setActive(i);
                      return true;
                    }}
                  />
                  <PhotoInfo tile={tile} />
                </>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className={styles.loupeBar}>
        <span className={cx('muted', styles.loupeHint)}>{m.compareHint}</span>
      </div>
    </div>
  );
}
