/**
 * IANA time zones and their UTC offsets, through Intl only (no zone data of our own), so
 * daylight saving time is whatever the runtime's tz database says for that date.
 */

/** The computer's zone, e.g. "Asia/Ho_Chi_Minh"; UTC when the runtime cannot tell. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether Intl knows the zone (IANA names, any case; "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime knows, for a picker; the given one is kept even if not listed. */
export function timeZoneNames(keep?: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return keep && !all.includes(keep) ? [keep, ...all] : all;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Minutes east of UTC of `zone` at the instant `utcMs`. */
function offsetAt(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The offset ("+07:00") that `zone` had at the wall-clock time `localIso` (ISO 8601 without
 * a zone; a date alone counts as noon). Null for a value that is not a date or an unknown
 * zone. In the hour the clock skips, the offset from before the change is taken.
 */
export function zoneOffset(localIso: string, zone: string): string | null {
  const m = WALL.exec(localIso);
  if (!m || !isTimeZone(zone)) return null;
  const [, y, mo, d, h = '12', mi = '00', s = '00'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall)) return null;
  // The offset at the instant the wall time would be in UTC, then at the instant that implies.
  const first = offsetAt(wall, zone);
  const second = offsetAt(wall - first * 60000, zone);
  const settled = second === first || offsetAt(wall - second * 60000, zone) === second;
  // A wall time the spring change skipped has no instant: keep the offset from before it.
  const off = settled ? second : Math.min(first, second);
  return formatOffset(off);
}

/** Minutes east of UTC → "+07:00", "-05:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
