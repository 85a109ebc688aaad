import type { Tile } from '../../electron/contract/api';
import { tileColor } from '../culling/culling-keys';
import { colorName } from '../culling/describe';
import { formatWallClock } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { labelClass } from '../culling/label-class';
import { cx } from '../ui/cx';
import styles from './loupe.module.css';

/** File name, capture time and the marks, over the loupe and each compare pane. */
export function PhotoInfo({ tile, position }: { tile: Tile; position?: string }) {
  const { m, lang } = useI18n();
  const rejected = tile.rating !== null && tile.rating < 0;
  const stars = rejected ? 0 : Math.max(0, Math.min(5, Math.round(tile.rating ?? 0)));
  const color = tileColor(tile);
  return (
    <div className={styles.photoInfo} data-testid="photo-info">
      <strong>{tile.file}</strong>
      {position ? <span className="muted">{position}</span> : null}
      <span>{tile.capturedAt ? formatWallClock(lang, tile.capturedAt) : m.noCaptureTime}</span>
      {stars ? (
        <span
          className={styles.infoStars}
          aria-label={m.ratingMark(stars)}
          data-testid="info-rating"
        >
          {'★'.repeat(stars)}
        </span>
      ) : null}
      {color ? (
        <span className={cx(styles.infoColor, labelClass(color))} data-testid="info-color">
          {tile.label ?? colorName(m, color)}
        </span>
      ) : null}
      {rejected ? (
        <span className={styles.infoReject} data-testid="info-reject">
          ✕ {m.rejectMark}
        </span>
      ) : tile.pick ? (
        <span data-testid="info-pick">⚑ {m.pickMark}</span>
      ) : null}
    </div>
  );
}
