import { cameraKey } from './camera-key';

/** Seconds to add to each camera's clock (by cameraKey); a camera not listed is taken as right. */
export type ClockOffsets = Readonly<Record<string, number>>;

/** Capture time in ms on the corrected clock, or null when unknown or unreadable. */
export function correctedTime(
  capturedAt: string | null,
  camera: string,
  offsets: ClockOffsets,
): number | null {
  if (!capturedAt) return null;
  const t = Date.parse(capturedAt);
  return Number.isNaN(t) ? null : t + (offsets[camera] ?? 0) * 1000;
}

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** File names in the order a camera numbers them: IMG_9 before IMG_10. */
export const compareFileNames = byName;

interface Captured {
  file: string;
  capturedAt: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
}

/**
 * Shooting order across several bodies: by corrected capture time, then the photos
 * without a time by file name. The same order the stacks are found in.
 */
export function sortByCorrectedTime<T extends Captured>(
  photos: readonly T[],
  offsets: ClockOffsets,
): T[] {
  const keyed = photos.map((p) => ({ p, t: correctedTime(p.capturedAt, cameraKey(p), offsets) }));
  return keyed
    .sort((a, b) =>
      a.t !== null && b.t !== null
        ? a.t - b.t || byName(a.p.file, b.p.file)
        : a.t !== null
          ? -1
          : b.t !== null
            ? 1
            : byName(a.p.file, b.p.file),
    )
    .map((x) => x.p);
}

/**
 * A clock correction as a photographer types it: seconds ("-75"), or minutes and
 * seconds ("+1:15"), or hours too ("-1:00:00"). Null when it is not one of those.
 */
export function parseOffset(text: string): number | null {
  const m = /^\s*([-+−]?)\s*(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const parts = [m[2], m[3], m[4]].filter((x): x is string => x !== undefined).map(Number);
  if (parts.slice(1).some((n) => n >= 60)) return null;
  const seconds = parts.reduce((acc, n) => acc * 60 + n, 0);
  return m[1] === '-' || m[1] === '−' ? -seconds : seconds;
}

/** The other way round: "+1:15", "-0:05", "+1:00:00", "0". */
export function formatOffset(seconds: number): string {
  if (seconds === 0) return '0';
  const sign = seconds < 0 ? '-' : '+';
  const s = Math.abs(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${sign}${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${sign}${mm}:${ss}`;
}
