import { memo, useState, type MouseEvent, type ReactNode } from 'react';
import type { Tile as TileData } from '../../electron/contract/api';
import { issueText } from '../caption-workspace/issue-text';
import { tileColor } from '../culling/culling-keys';
import type { Messages } from '../i18n/vi';
import type { PickHow } from '../selection/marks';
import { orientationClass } from './orientation';
import { labelClass } from '../culling/label-class';
import marks from '../culling/tile-marks.module.css';
import { cx } from '../ui/cx';
import styles from './grid.module.css';
import { describePhotoError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { BADGE_GLYPH, type CredentialsBadge } from '../credentials/badge';

interface TileProps {
  tile: TileData;
  index: number;
  /** How many photos the grid shows: the listbox is virtual, so each option says its place. */
  count: number;
  /** The box, computed by the grid's layout (virtual-layout.ts): fixed, so nothing reflows. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** The photo the editor and the information panel show. */
  current: boolean;
  /** In the multi-selection (the current photo always is). */
  selected: boolean;
  mediaUrl: (path: string) => string;
  m: Messages;
  onPick: (index: number, file: string, how: PickHow) => void;
  onOpenEditor: () => void;
  /** Marks the integrator adds over the frame (assisted culling's badges). */
  badges?: ReactNode;
  /** The Content Credentials mark, and what it says; plain values, so memo still holds. */
  credentials?: CredentialsBadge | null;
  credentialsText?: string;
}

const CREDENTIALS_CLASS: Record<CredentialsBadge, string | undefined> = {
  trusted: styles.isTrusted,
  untrusted: styles.isUntrusted,
  broken: styles.isBroken,
  revoked: styles.isRevoked,
  expired: styles.isRevoked,
  pending: styles.isChecking,
  failed: styles.isChecking,
};

export const tileId = (index: number) => `tile-${index}`;

export function isCaptioned(tile: { caption: string | null }): boolean {
  return (tile.caption ?? '').trim().length > 0;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The reject or pick flag on a tile: a mark with its name for screen readers and the tooltip. */
function flag(kind: string | undefined, label: string, glyph: string, testId: string) {
  return (
    <span
      className={cx(marks.tileFlag, kind)}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
    >
      {glyph}
    </span>
  );
}

function howOf(event: MouseEvent): PickHow {
  if (event.shiftKey) return 'extend';
  if (isMac ? event.metaKey : event.ctrlKey) return 'toggle';
  return 'only';
}

/**
 * Memoized, and every callback prop must be stable: with a thousand tiles, a thumbnail
 * arriving or the selection moving must re-render one or two tiles, not all.
 */
export const Tile = memo(function Tile({
  tile,
  index,
  count,
  top,
  left,
  width,
  height,
  current,
  selected,
  mediaUrl,
  m,
  onPick,
  onOpenEditor,
  badges,
  credentials,
  credentialsText,
}: TileProps) {
  const src = tile.thumb ? mediaUrl(tile.thumb) : null;
  // Remembering which src failed resets itself when a new thumbnail replaces it.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const showImage = src !== null && src !== failedSrc;
  const captioned = isCaptioned(tile);
  const rejected = tile.rating !== null && tile.rating < 0;
  const stars = rejected ? 0 : Math.min(5, Math.max(0, Math.round(tile.rating ?? 0)));
  const color = tileColor(tile);
  const issues = tile.issues.map((issue) => issueText(m, issue));
  const error = describePhotoError(tile, m);
  const classes = cx(
    styles.tile,
    current && styles.isCurrent,
    selected && styles.isSelected,
    rejected && styles.isRejected,
    tile.error && styles.hasError,
    // Listed, headers still being read (a large folder opening): a placeholder.
    tile.pending && styles.isPending,
  );

  return (
    <div
      id={tileId(index)}
      role="option"
      aria-selected={selected}
      aria-setsize={count}
      aria-posinset={index + 1}
      style={{ top, left, width, height }}
      data-testid={`tile-${tile.file}`}
      className={classes}
      aria-busy={tile.pending ? true : undefined}
      title={error ? `${tile.file}\n${error}` : tile.file}
      onMouseDown={(event) => {
        if (event.button === 0) onPick(index, tile.file, howOf(event));
      }}
      onDoubleClick={onOpenEditor}
    >
      <div className={styles.tileFrame}>
        {showImage ? (
          // A new element per src: Chrome keeps painting the old picture until the new one
          // loads, and the unrotated preview must not show under the new class meanwhile.
          <img
            key={src}
            className={cx(
              styles.tileImg,
              orientationClass(tile.orientation, tile.thumbNeedsRotation),
            )}
            src={src}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onError={() => setFailedSrc(src)}
          />
        ) : (
          <span className={styles.tilePlaceholder}>{tile.format}</span>
        )}
        {error ? (
          <span
            className={styles.tileError}
            data-testid="tile-error"
            data-code={tile.errorCode ?? undefined}
          >
            <ErrorLines text={error} />
          </span>
        ) : null}
        {captioned ? (
          <span
            className={styles.tileCaptioned}
            role="img"
            aria-label={m.captionedMark}
            title={m.captionedMark}
          />
        ) : null}
        {stars ? (
          <span
            className={styles.tileRating}
            role="img"
            aria-label={m.ratingMark(stars)}
            data-testid="tile-rating"
          >
            {'★'.repeat(stars)}
          </span>
        ) : null}
        {rejected
          ? flag(marks.isReject, m.rejectMark, '✕', 'tile-reject')
          : tile.pick
            ? flag(marks.isPick, m.pickMark, '⚑', 'tile-pick')
            : null}
        {issues.length ? (
          <span
            className={marks.tileIssues}
            role="img"
            aria-label={m.issuesMark(issues.length)}
            title={issues.join('\n')}
            data-testid="tile-issues"
          >
            !
          </span>
        ) : null}
        {color ? (
          <span
            className={cx(marks.tileColor, labelClass(color))}
            role="img"
            aria-label={m.colorMark(tile.label ?? String(tile.colorClass ?? ''))}
            title={tile.label ?? undefined}
            data-testid="tile-color"
            data-color={color}
          />
        ) : null}
        {credentials ? (
          <span
            className={cx(styles.tileCredentials, CREDENTIALS_CLASS[credentials])}
            role="img"
            aria-label={credentialsText}
            title={credentialsText}
            data-testid="tile-credentials"
            data-state={credentials}
          >
            {BADGE_GLYPH[credentials]}
          </span>
        ) : null}
        {badges}
      </div>
      <div className={styles.tileName}>{tile.file}</div>
    </div>
  );
});
