import type { ReactNode } from 'react';
import type { TileColor } from '../culling/culling-keys';
import { colorName } from '../culling/describe';
import { formatDecimal } from '../i18n/format';
import { useI18n } from '../i18n/context';
import type { PhotoFilter } from '../search/usePhotoFilter';
import { MOD } from '../shortcuts/keys';
import { TILE_SIZE_MAX, TILE_SIZE_MIN, TILE_SIZE_STEP } from '../grid/virtual-layout';
import type { CaptionFilter, CredentialsFilter, FlagFilter } from './cull-filter';
import styles from './cull-bar.module.css';
import { labelClass } from '../culling/label-class';
import { cx } from '../ui/cx';

const COLORS: TileColor[] = ['red', 'yellow', 'green', 'blue', 'purple'];

/** "2026-05-01T10:00:05" for a datetime-local field, or empty. */
const forField = (v: string | null) => (v ? v.slice(0, 19) : '');

/**
 * The culling bar over the grid: filters (flag, rating, colour, caption, Content
 * Credentials, camera, capture time), the sort, the camera clocks, the count shown and
 * the tile size. The status line of the last mark (with its undo hint) sits at its end.
 */
export function CullBar({
  filter,
  tileSize,
  onTileSize,
  onClocks,
  status,
  shownCount,
  children,
}: {
  filter: PhotoFilter;
  /** How many photos the grid shows after every filter (the assisted culling's too). */
  shownCount?: number;
  /** More filters (the assisted culling's), placed before the count. */
  children?: ReactNode;
  tileSize: number;
  onTileSize: (size: number) => void;
  onClocks: () => void;
  status: string | null;
}) {
  const { m, lang } = useI18n();
  const { cull, setCull } = filter;
  const n = (v: number) => formatDecimal(lang, v, 0);
  const toggleColor = (c: TileColor) =>
    setCull({
      ...cull,
      colors: cull.colors.includes(c) ? cull.colors.filter((x) => x !== c) : [...cull.colors, c],
    });
  /** A drop-down over one of the filter's closed choices, its options in the order given. */
  const choice = <K extends 'flag' | 'captioned' | 'credentials'>(
    key: K,
    label: string,
    testId: string,
    options: Record<(typeof cull)[K], string>,
  ) => (
    <select
      aria-label={label}
      value={cull[key]}
      data-testid={testId}
      onChange={(e) => setCull({ ...cull, [key]: e.currentTarget.value })}
    >
      {(Object.entries(options) as [string, string][]).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );

  /** Either end of the time window, to the second; empty means open. */
  const time = (end: 'from' | 'to', label: string) => (
    <label className={styles.cullbarTime}>
      {label}
      <input
        type="datetime-local"
        step={1}
        value={forField(cull[end])}
        data-testid={`filter-${end}`}
        onChange={(e) => setCull({ ...cull, [end]: e.currentTarget.value || null })}
      />
    </label>
  );

  return (
    <div
      className={styles.cullbar}
      role="toolbar"
      aria-label={m.filterBarLabel}
      data-testid="cullbar"
    >
      {choice('flag', m.filterFlag, 'filter-flag', {
        any: m.flagAny,
        picked: m.flagPicked,
        rejected: m.flagRejected,
        notRejected: m.flagNotRejected,
      } satisfies Record<FlagFilter, string>)}
      <select
        aria-label={m.filterRating}
        value={cull.minRating ?? ''}
        data-testid="filter-rating"
        onChange={(e) => {
          const v = e.currentTarget.value;
          setCull({ ...cull, minRating: v ? Number(v) : null });
        }}
      >
        <option value="">{m.ratingAny}</option>
        {[1, 2, 3, 4, 5].map((s) => (
          <option key={s} value={s}>
            {m.ratingAtLeast(s)}
          </option>
        ))}
      </select>
      <span className={styles.cullbarColors} role="group" aria-label={m.filterColor}>
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={cx(styles.colorChip, labelClass(c), cull.colors.includes(c) && styles.isOn)}
            aria-pressed={cull.colors.includes(c)}
            aria-label={colorName(m, c)}
            title={colorName(m, c)}
            data-testid={`filter-color-${c}`}
            onClick={() => toggleColor(c)}
          />
        ))}
      </span>
      {choice('captioned', m.filterCaption, 'filter-caption', {
        any: m.captionAny,
        captioned: m.captionYes,
        uncaptioned: m.captionNo,
      } satisfies Record<CaptionFilter, string>)}
      {filter.credentialsCount > 0 || cull.credentials !== 'any'
        ? choice('credentials', m.credFilterLabel, 'filter-credentials', {
            any: m.credFilterAny,
            present: m.credFilterPresent,
            trusted: m.credFilterTrusted,
            untrusted: m.credFilterUntrusted,
            broken: m.credFilterBroken,
            none: m.credFilterNone,
          } satisfies Record<CredentialsFilter, string>)
        : null}
      {filter.cameras.length > 1 || cull.cameras.length > 0 ? (
        <select
          aria-label={m.filterCamera}
          value={cull.cameras[0] ?? ''}
          data-testid="filter-camera"
          onChange={(e) => {
            const v = e.currentTarget.value;
            setCull({ ...cull, cameras: v ? [v] : [] });
          }}
        >
          <option value="">{m.cameraAny}</option>
          {filter.cameras.map((c) => (
            <option key={c.key} value={c.key}>
              {m.cameraOption(c.key, n(c.count))}
            </option>
          ))}
        </select>
      ) : null}
      {time('from', m.timeFrom)}
      {time('to', m.timeTo)}
      <select
        aria-label={m.sortBy}
        value={cull.sort}
        data-testid="sort"
        onChange={(e) =>
          setCull({ ...cull, sort: e.currentTarget.value === 'time' ? 'time' : 'name' })
        }
      >
        <option value="name">{m.sortName}</option>
        <option value="time">{m.sortTime}</option>
      </select>
      <button type="button" className="button small" data-testid="open-clocks" onClick={onClocks}>
        {m.clockOpen}
      </button>
      {children}
      <span className="muted" data-testid="cull-count">
        {m.countShown(n(shownCount ?? filter.shown.length), n(filter.total))}
      </span>
      {filter.active ? (
        <button
          type="button"
          className="link-button"
          data-testid="clear-filters"
          onClick={filter.clear}
        >
          {m.clearFilters}
        </button>
      ) : null}
      {status ? (
        <span className={styles.cullbarStatus} role="status" data-testid="cull-status">
          {status}
        </span>
      ) : null}
      <span className="spacer" />
      <label className={styles.cullbarSize} title={m.tileSizeTitle(MOD)}>
        {m.tileSize}
        <input
          type="range"
          min={TILE_SIZE_MIN}
          max={TILE_SIZE_MAX}
          step={TILE_SIZE_STEP}
          value={tileSize}
          data-testid="tile-size"
          onChange={(e) => onTileSize(Number(e.currentTarget.value))}
        />
      </label>
    </div>
  );
}
