/** Sorting and summing up photos by their corrected capture time and their camera. */
import { cameraKey } from '../../common/camera-key';
import {
  wallClockMs,
  wallClockText,
  type ClockOffsets,
} from '../../common/analysis/corrected-time';

export { wallClockMs, wallClockText, type ClockOffsets };

export interface Timed {
  file: string;
  capturedAt: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
}

// Tiles are immutable and replaced on change: what is read from one is read once, so that
// a thumbnail arriving in a 10,000-photo folder does not re-parse every date.
const parsed = new WeakMap<object, { ms: number | null; camera: string }>();

function facts(photo: Timed): { ms: number | null; camera: string } {
  let f = parsed.get(photo);
  if (!f) {
    f = { ms: wallClockMs(photo.capturedAt), camera: cameraKey(photo) };
    parsed.set(photo, f);
  }
  return f;
}

/** The photo's camera (cameraKey), remembered per photo object. */
export function cameraOf(photo: Timed): string {
  return facts(photo).camera;
}

/** The capture time with its camera's correction, or null when the photo has none. */
export function correctedTime(photo: Timed, offsets: ClockOffsets): number | null {
  const { ms, camera } = facts(photo);
  if (ms === null) return null;
  return ms + (offsets[camera] ?? 0) * 1000;
}

export type SortOrder = 'name' | 'time';

const byName = (a: Timed, b: Timed) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * By file name (the folder's order), or by corrected capture time, which merges the
 * cameras of an event into one timeline; photos without a time go last, by name.
 */
export function sortPhotos<T extends Timed>(
  photos: readonly T[],
  order: SortOrder,
  offsets: ClockOffsets,
): T[] {
  if (order === 'name') return [...photos].sort(byName);
  const keyed = photos.map((p) => ({ p, t: correctedTime(p, offsets) }));
  keyed.sort((a, b) => {
    if (a.t === null || b.t === null) return a.t === b.t ? byName(a.p, b.p) : a.t === null ? 1 : -1;
    return a.t - b.t || byName(a.p, b.p);
  });
  return keyed.map((k) => k.p);
}

export interface CameraSummary {
  key: string;
  count: number;
  /** The earliest capture time of this camera, uncorrected, or null. */
  first: string | null;
}

/** The cameras of a folder, most photos first, for the camera filter and the clock dialog. */
export function cameraSummaries(photos: readonly Timed[]): CameraSummary[] {
  const map = new Map<string, { count: number; first: number | null }>();
  for (const p of photos) {
    const { camera: key, ms: t } = facts(p);
    const entry = map.get(key) ?? { count: 0, first: null };
    entry.count++;
    if (t !== null && (entry.first === null || t < entry.first)) entry.first = t;
    map.set(key, entry);
  }
  return [...map.entries()]
    .map(([key, e]) => ({
      key,
      count: e.count,
      first: e.first === null ? null : wallClockText(e.first),
    }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * "This photo was really taken at hh:mm:ss": the offset, in seconds, that makes its
 * camera agree. The same day is assumed; a difference of more than twelve hours is
 * taken across midnight. Null when the time or the photo's own time cannot be read.
 */
export function offsetForTime(capturedAt: string | null, hhmmss: string): number | null {
  const shot = wallClockMs(capturedAt);
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(hhmmss);
  if (shot === null || !m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const day = Math.floor(shot / 86_400_000) * 86_400_000;
  let diff = (day + ((h * 60 + mi) * 60 + s) * 1000 - shot) / 1000;
  if (diff > 43_200) diff -= 86_400;
  if (diff < -43_200) diff += 86_400;
  return diff;
}
