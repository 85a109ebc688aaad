/**
 * Capture times are the camera's wall clock ("2026-05-01T14:03:07", sometimes with a
 * zone). They are compared as written, never shifted into the viewer's or the
 * computer's zone: bodies at one event share a wall clock, not a zone setting. The core
 * (stacks) and the renderer (sort, filter) read them through these same functions.
 */

/** Seconds to add to each camera's clock (by cameraKey); a camera not listed is taken as right. */
export type ClockOffsets = Readonly<Record<string, number>>;

const wallClock =
  /^(\d{4})[-:](\d{2})[-:](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/;

/** Milliseconds of the wall clock read as if it were UTC, or null when unreadable. */
export function wallClockMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = wallClock.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  // Sub-seconds matter: a burst at 10 frames a second is told apart by them.
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    frac ? Number(frac.padEnd(3, '0')) : 0,
  );
  return Number.isNaN(ms) ? null : ms;
}

/** Back to "YYYY-MM-DDTHH:mm:ss" (a corrected time, for display and for range fields). */
export function wallClockText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Capture time in ms on the corrected clock, or null when unknown or unreadable. */
export function correctedTime(
  capturedAt: string | null,
  camera: string,
  offsets: ClockOffsets,
): number | null {
  const t = wallClockMs(capturedAt);
  return t === null ? null : t + (offsets[camera] ?? 0) * 1000;
}

/** File names in the order a camera numbers them: IMG_9 before IMG_10. */
export const compareFileNames = new Intl.Collator('en', { numeric: true }).compare;
