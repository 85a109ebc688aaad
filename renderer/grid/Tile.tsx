import { memo, useState } from 'react';
import type { Tile as TileData } from '../../electron/api';
import type { Messages } from '../i18n/vi';
import { orientationClass } from './orientation';

interface TileProps {
  tile: TileData;
  index: number;
  selected: boolean;
  mediaUrl: (path: string) => string;
  m: Messages;
  onPick: (index: number, file: string) => void;
  onOpenEditor: () => void;
}

export const tileId = (index: number) => `tile-${index}`;

export function isCaptioned(tile: { caption: string | null }): boolean {
  return (tile.caption ?? '').trim().length > 0;
}

/**
 * Memoized, and every callback prop must be stable: with a thousand tiles, a thumbnail
 * arriving or the selection moving must re-render one or two tiles, not all.
 */
export const Tile = memo(function Tile({
  tile,
  index,
  selected,
  mediaUrl,
  m,
  onPick,
  onOpenEditor,
}: TileProps) {
  const src = tile.thumb ? mediaUrl(tile.thumb) : null;
  // Remembering which src failed resets itself when a new thumbnail replaces it.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const showImage = src !== null && src !== failedSrc;
  const captioned = isCaptioned(tile);
  const classes = ['tile', selected ? 'is-selected' : '', tile.error ? 'has-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      id={tileId(index)}
      role="option"
      aria-selected={selected}
      data-testid={`tile-${tile.file}`}
      className={classes}
      title={tile.error ? `${tile.file}\n${tile.error}` : tile.file}
      onMouseDown={() => onPick(index, tile.file)}
      onDoubleClick={onOpenEditor}
    >
      <div className="tile-frame">
        {showImage ? (
          // A new element per src: Chrome keeps painting the old picture until the new one
          // loads, and the unrotated preview must not show under the new class meanwhile.
          <img
            key={src}
            className={`tile-img ${orientationClass(tile.orientation, tile.thumbNeedsRotation)}`}
            src={src}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onError={() => setFailedSrc(src)}
          />
        ) : (
          <span className="tile-placeholder">{tile.format}</span>
        )}
        {tile.error ? (
          <span className="tile-error" data-testid="tile-error">
            {tile.error}
          </span>
        ) : null}
        {captioned ? (
          <span
            className="tile-captioned"
            role="img"
            aria-label={m.captionedMark}
            title={m.captionedMark}
          />
        ) : null}
        {tile.rating ? (
          <span className="tile-rating" aria-label={m.ratingMark(tile.rating)}>
            {'★'.repeat(Math.min(5, Math.max(0, Math.round(tile.rating))))}
          </span>
        ) : null}
      </div>
      <div className="tile-name">{tile.file}</div>
    </div>
  );
});
