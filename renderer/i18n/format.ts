/**
 * Locale formatting done by hand rather than with Intl: the output must be the same in
 * Electron, Debian's Chromium and tests, whatever ICU data each ships.
 */
import type { Lang } from './languages';

export function formatDecimal(lang: Lang, value: number, fractionDigits: number): string {
  const fixed = value.toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const sep = lang === 'vi' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return fraction ? `${grouped}${sep.decimal}${fraction}` : grouped;
}

export function formatFileSize(lang: Lang, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatDecimal(lang, mb, 1)} MB`;
  if (bytes >= 1024) return `${formatDecimal(lang, Math.round(bytes / 1024), 0)} KB`;
  return `${bytes} B`;
}

const wallClock = /^(\d{4})[-:](\d{2})[-:](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * A capture time is the camera's wall clock. It is shown as written, never shifted into
 * the viewer's time zone: 14:03 at the event stays 14:03 on a laptop abroad.
 */
export function formatWallClock(lang: Lang, value: string): string {
  const match = wallClock.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi, s] = match;
  const time = h && mi ? ` ${h}:${mi}:${s ?? '00'}` : '';
  return lang === 'vi' ? `${d}/${mo}/${y}${time}` : `${y}-${mo}-${d}${time}`;
}

/** File times are instants; they are shown in the viewer's own zone. */
export function formatInstant(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return formatWallClock(lang, local);
}

/** Shutter speeds are written as photographers say them: 1/250 s, 0,5 s, 2 s. */
export function formatShutter(lang: Lang, seconds: number): string {
  if (seconds <= 0) return '';
  if (seconds < 0.5) return `1/${Math.round(1 / seconds)} s`;
  const rounded = Math.round(seconds * 10) / 10;
  return `${formatDecimal(lang, rounded, Number.isInteger(rounded) ? 0 : 1)} s`;
}

/** f-numbers keep the point in every language: "f/2.8" is how lenses are marked. */
export function formatAperture(fNumber: number): string {
  return `f/${Number.isInteger(fNumber) ? fNumber : fNumber.toFixed(1)}`;
}

export function formatFocal(focal: number): string {
  return `${Math.round(focal)} mm`;
}

export function formatCoordinate(
  lang: Lang,
  value: number,
  positive: string,
  negative: string,
): string {
  return `${formatDecimal(lang, Math.abs(value), 5)}° ${value < 0 ? negative : positive}`;
}
