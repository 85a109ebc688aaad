/**
 * The culling filters over the grid: flag, rating, colour, captioned or not, camera,
 * a capture-time range and Content Credentials. Pure, so the rules are tested without a
 * browser.
 */
import { FAILING_STATES } from '../../common/credentials/verdict';
import type { CredentialsState } from '../../electron/contract/credentials';
import { tileColor, type CullState, type TileColor } from '../culling/culling-keys';
import {
  cameraOf,
  correctedTime,
  wallClockMs,
  type ClockOffsets,
  type SortOrder,
  type Timed,
} from './capture-time';

export type FlagFilter = 'any' | 'picked' | 'rejected' | 'notRejected';
export type CaptionFilter = 'any' | 'captioned' | 'uncaptioned';
/** broken takes in revoked and expired: a signature that no longer vouches for the photo. */
export type CredentialsFilter = 'any' | 'present' | 'trusted' | 'untrusted' | 'broken' | 'none';
export const CREDENTIALS_FILTERS: readonly CredentialsFilter[] = [
  'any',
  'present',
  'trusted',
  'untrusted',
  'broken',
  'none',
];

export interface CullFilter {
  flag: FlagFilter;
  /** Rating at least this (1–5), or null for any. */
  minRating: number | null;
  /** Any of these colours; empty for any. */
  colors: readonly TileColor[];
  captioned: CaptionFilter;
  /** Any of these cameras (cameraKey); empty for any. */
  cameras: readonly string[];
  /** A corrected capture-time range, wall clock "YYYY-MM-DDTHH:mm[:ss]", either end open. */
  from: string | null;
  to: string | null;
  credentials: CredentialsFilter;
  sort: SortOrder;
}

export const NO_CULL_FILTER: CullFilter = {
  flag: 'any',
  minRating: null,
  colors: [],
  captioned: 'any',
  cameras: [],
  from: null,
  to: null,
  credentials: 'any',
  sort: 'name',
};

/** Whether any filter narrows the set (the sort order alone does not). */
export function isFiltering(f: CullFilter): boolean {
  return (
    f.flag !== 'any' ||
    f.minRating !== null ||
    f.colors.length > 0 ||
    f.captioned !== 'any' ||
    f.cameras.length > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.credentials !== 'any'
  );
}

export type Filterable = Timed &
  CullState & {
    caption: string | null;
    /** The scan saw a C2PA manifest store in the file. */
    credentials?: boolean;
  };

/** The verdict on a photo's Content Credentials, once known (undefined while being checked). */
export type VerdictOf = (file: string) => CredentialsState | undefined;

/**
 * Whether a photo passes the Content Credentials filter. "With" and "none" go by the scan's
 * flag, so they hold at once; the verdicts hold a photo back until it is known, rather than
 * show an unchecked photo under "trusted".
 */
function credentialsMatch(
  f: CredentialsFilter,
  p: Filterable,
  verdictOf: VerdictOf | undefined,
): boolean {
  if (f === 'any') return true;
  const carries = p.credentials === true;
  const verdict = carries ? verdictOf?.(p.file) : 'none';
  switch (f) {
    case 'present':
      return carries && verdict !== 'none';
    case 'none':
      return verdict === 'none';
    case 'trusted':
    case 'untrusted':
      return verdict === f;
    case 'broken':
      return verdict !== undefined && FAILING_STATES.has(verdict);
  }
}

const isRejected = (p: CullState) => p.rating !== null && p.rating < 0;

/** A predicate for the filter, with its parsing done once rather than once per photo. */
export function cullPredicate(
  f: CullFilter,
  offsets: ClockOffsets,
  verdictOf?: VerdictOf,
): (p: Filterable) => boolean {
  const colors = new Set(f.colors);
  const cameras = new Set(f.cameras);
  const from = wallClockMs(f.from);
  // A "to" given to the minute includes that whole minute.
  const toBase = wallClockMs(f.to);
  const to = toBase === null ? null : toBase + (f.to && f.to.length <= 16 ? 59_999 : 999);
  return (p) => {
    if (f.flag === 'picked' && !(p.pick === true && !isRejected(p))) return false;
    if (f.flag === 'rejected' && !isRejected(p)) return false;
    if (f.flag === 'notRejected' && isRejected(p)) return false;
    if (f.minRating !== null && (p.rating ?? 0) < f.minRating) return false;
    if (colors.size > 0) {
      const c = tileColor(p);
      if (c === null || !colors.has(c)) return false;
    }
    if (f.captioned !== 'any') {
      const has = (p.caption ?? '').trim().length > 0;
      if (has !== (f.captioned === 'captioned')) return false;
    }
    if (cameras.size > 0 && !cameras.has(cameraOf(p))) return false;
    if (!credentialsMatch(f.credentials, p, verdictOf)) return false;
    if (from !== null || to !== null) {
      const t = correctedTime(p, offsets);
      if (t === null) return false;
      if (from !== null && t < from) return false;
      if (to !== null && t > to) return false;
    }
    return true;
  };
}
