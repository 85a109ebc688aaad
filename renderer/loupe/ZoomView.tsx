import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import type { Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { orientationClass } from '../grid/orientation';
import { useI18n } from '../i18n/context';
import { FIT, panBy, zoomAt, zoomBox, type Zoom } from './zoom';
import { cx } from '../ui/cx';
import kit from '../ui/kit.module.css';
import styles from './loupe.module.css';

/** Movement, in CSS pixels, under which a press counts as a click rather than a drag. */
const DRAG_SLOP = 4;

/**
 * One photo in a pane, fitted or at 100%. The full image (the Tile's `full` media path)
 * is what is zoomed, so that 100% shows the camera's own pixels; the thumbnail shows
 * under it until it has loaded. Sizes come from the image's natural size and the pane's
 * observed size, and the picture is placed with explicit pixels, never measured.
 */
export function ZoomView({
  tile,
  zoom,
  onZoom,
  onClick,
}: {
  tile: Tile;
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  /** A click that did not zoom (compare: it makes the pane active first); return true to stop. */
  onClick?: () => boolean;
}) {
  const { mediaUrl } = useTransport();
  const { m } = useI18n();
  const paneRef = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState({ width: 0, height: 0 });
  const [natural, setNatural] = useState<{ src: string; width: number; height: number } | null>(
    null,
  );
  const [failed, setFailed] = useState<string | null>(null);
  const press = useRef<{ x: number; y: number; zoom: Zoom; dragged: boolean } | null>(null);

  const fullSrc = tile.full ? mediaUrl(tile.full) : null;
  const thumbSrc = tile.thumb ? mediaUrl(tile.thumb) : null;
  const src = fullSrc && fullSrc !== failed ? fullSrc : thumbSrc;
  const loaded = natural && natural.src === src ? natural : null;
  // Until the picture has loaded, the camera's own dimensions lay it out.
  const size =
    loaded ?? (tile.width && tile.height ? { width: tile.width, height: tile.height } : null);
  const box = size ? zoomBox(pane, size, zoom) : null;

  useLayoutEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    setPane({ width: el.clientWidth, height: el.clientHeight });
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setPane({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const point = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  return (
    <div
      ref={paneRef}
      className={cx(styles.zoomPane, zoom.zoomed && styles.isZoomed)}
      data-testid="zoom-pane"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        press.current = { x: event.clientX, y: event.clientY, zoom, dragged: false };
      }}
      onPointerMove={(event) => {
        const p = press.current;
        if (!p) return;
        const dx = event.clientX - p.x;
        const dy = event.clientY - p.y;
        if (!p.dragged && Math.hypot(dx, dy) < DRAG_SLOP) return;
        p.dragged = true;
        if (p.zoom.zoomed) onZoom(panBy(p.zoom, pane, dx, dy));
      }}
      onPointerUp={(event) => {
        const p = press.current;
        press.current = null;
        if (!p || p.dragged) return;
        if (onClick?.()) return;
        if (zoom.zoomed || !size) onZoom(FIT);
        else {
          const { x, y } = point(event);
          onZoom(zoomAt(pane, size, x, y));
        }
      }}
      onPointerCancel={() => (press.current = null)}
    >
      {src && box ? (
        <>
          {thumbSrc && src !== thumbSrc && !loaded ? (
            <img
              className={cx(
                styles.zoomImg,
                orientationClass(tile.orientation, tile.thumbNeedsRotation),
              )}
              src={thumbSrc}
              alt=""
              draggable={false}
              style={box}
            />
          ) : null}
          <img
            key={src}
            className={cx(
              styles.zoomImg,
              src === thumbSrc && orientationClass(tile.orientation, tile.thumbNeedsRotation),
            )}
            src={src}
            alt={m.previewAlt(tile.file)}
            decoding="async"
            draggable={false}
            data-testid="zoom-img"
            data-zoomed={zoom.zoomed && loaded !== null ? 'true' : 'false'}
            style={box}
            onLoad={(event) => {
              const img = event.currentTarget;
              setNatural({ src, width: img.naturalWidth, height: img.naturalHeight });
            }}
            onError={() => setFailed(src)}
          />
        </>
      ) : (
        <span className={kit.placeholder}>{tile.format}</span>
      )}
    </div>
  );
}
