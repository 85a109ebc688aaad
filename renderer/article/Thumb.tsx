import { useState } from 'react';
import type { Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { orientationClass } from '../grid/orientation';
import { cx } from '../ui/cx';
import styles from './Thumb.module.css';

interface ThumbProps {
  tile: Tile | undefined;
  file: string;
  /** Frame size: strip, block, gallery (Thumb.module.css). */
  size: 'strip' | 'block' | 'gallery';
  alt?: string;
}

/**
 * A photo in a square frame, turned upright: an embedded camera preview is stored as the
 * sensor saw it, so it gets the orientation class the grid uses; a square keeps a quarter
 * turn inside the frame.
 */
export function Thumb({ tile, file, size, alt = '' }: ThumbProps) {
  const { mediaUrl } = useTransport();
  const src = tile?.thumb ? mediaUrl(tile.thumb) : null;
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const show = src !== null && src !== failedSrc;
  return (
    <span className={cx(styles.frame, styles[size])} title={file}>
      {show ? (
        <img
          key={src}
          className={cx(
            styles.img,
            orientationClass(tile?.orientation ?? null, tile?.thumbNeedsRotation ?? false),
          )}
          src={src}
          alt={alt}
          decoding="async"
          loading="lazy"
          draggable={false}
          onError={() => setFailedSrc(src)}
        />
      ) : (
        <span className={styles.placeholder}>{tile?.format ?? '?'}</span>
      )}
    </span>
  );
}
