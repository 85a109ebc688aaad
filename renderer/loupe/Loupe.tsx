import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import type { CullingCommand } from '../culling/culling-keys';
import { formatDecimal } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { PhotoInfo } from './PhotoInfo';
import { Prefetcher } from './prefetch';
import { CENTRE, FIT, type Zoom } from './zoom';
import { ZoomView } from './ZoomView';
import { handleViewerKey } from './viewer-keys';
import styles from './loupe.module.css';
import { cx } from '../ui/cx';

/**
 * The current photo over the whole window, to judge it: fitted, or at 100% where it is
 * clicked (Z or a second click goes back), dragged to pan. Arrow keys flip through the
 * photos shown in the grid with the neighbours already decoded; culling keys mark the
 * photo on screen. Space or Esc closes, back to the grid.
 */
export function Loupe({
  tiles,
  index,
  onIndex,
  onCull,
  onUndo,
  onRedo,
  onClose,
}: {
  tiles: Tile[];
  index: number;
  onIndex: (index: number) => void;
  onCull: (command: CullingCommand, tile: Tile) => void;
  onUndo: () => void;
  onRedo: () => void;
  onClose: () => void;
}) {
  const { mediaUrl } = useTransport();
  const { m, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<Zoom>(FIT);
  const [prefetcher] = useState(() => new Prefetcher());
  const tile = tiles[index];

  useEffect(() => ref.current?.focus(), []);

  useEffect(() => {
    const srcs: string[] = [];
    for (const i of [index + 1, index - 1, index + 2]) {
      const t = tiles[i];
      const path = t?.full ?? t?.thumb;
      if (path) srcs.push(mediaUrl(path));
    }
    prefetcher.want(srcs);
  }, [index, tiles, mediaUrl, prefetcher]);

  if (!tile) return null;

  const flip = (to: number) => {
    if (to < 0 || to >= tiles.length || to === index) return;
    setZoom(FIT);
    onIndex(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) =>
    handleViewerKey(event, {
      undo: onUndo,
      redo: onRedo,
      close: onClose,
      next: () => flip(index + 1),
      previous: () => flip(index - 1),
      first: () => flip(0),
      last: () => flip(tiles.length - 1),
      zoom: () => setZoom(zoom.zoomed ? FIT : CENTRE),
      cull: ({ command }) => onCull(command, tile),
    });

  const position = `${formatDecimal(lang, index + 1, 0)} / ${formatDecimal(lang, tiles.length, 0)}`;
  return (
    <div
      ref={ref}
      className={styles.loupe}
      role="dialog"
      aria-modal="true"
      aria-label={m.loupeLabel(tile.file)}
      tabIndex={-1}
      data-testid="loupe"
      onKeyDown={onKeyDown}
    >
      <ZoomView key={tile.file} tile={tile} zoom={zoom} onZoom={setZoom} />
      <div className={styles.loupeBar}>
        <PhotoInfo tile={tile} position={position} />
        <span className="muted">{zoom.zoomed ? m.loupeZoomed : m.loupeFit}</span>
        <span className={cx('muted', styles.loupeHint)}>{m.loupeHint}</span>
      </div>
    </div>
  );
}
