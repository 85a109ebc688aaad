import {
  formatAperture,
  formatCoordinate,
  formatDecimal,
  formatFocal,
  formatShutter,
} from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Messages } from '../i18n/vi';

/** "Canon" + "Canon EOS 5D Mark III" reads once, as the camera's own name. */
export function cameraName(make: string | null, model: string | null): string | null {
  const mk = make?.trim() ?? '';
  const md = model?.trim() ?? '';
  if (!mk && !md) return null;
  if (!mk) return md;
  if (!md) return mk;
  return md.toLowerCase().startsWith(mk.toLowerCase().split(' ')[0] ?? '') ? md : `${mk} ${md}`;
}

export function exposureLine(
  lang: Lang,
  d: {
    exposureTime: number | null;
    fNumber: number | null;
    iso: number | null;
    focalLength: number | null;
  },
): string | null {
  const parts = [
    d.exposureTime ? formatShutter(lang, d.exposureTime) : '',
    d.fNumber ? formatAperture(d.fNumber) : '',
    d.iso ? `ISO ${d.iso}` : '',
    d.focalLength ? formatFocal(d.focalLength) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

export function dimensionsLine(
  lang: Lang,
  m: Messages,
  width: number | null,
  height: number | null,
): string | null {
  if (!width || !height) return null;
  const mp = formatDecimal(lang, (width * height) / 1e6, 1);
  return `${width} × ${height} px (${m.megapixels(mp)})`;
}

export function gpsLine(
  lang: Lang,
  m: Messages,
  gps: { lat: number; lon: number } | null,
): string | null {
  if (!gps) return null;
  return `${formatCoordinate(lang, gps.lat, m.north, m.south)} · ${formatCoordinate(lang, gps.lon, m.east, m.west)}`;
}

export function captionSourceName(m: Messages, source: string | null): string {
  if (!source) return m.sourceNone;
  const s = source.toLowerCase();
  if (s.startsWith('sidecar')) return m.sourceSidecar;
  if (s.startsWith('xmp')) return m.sourceXmp;
  if (s.startsWith('iptc')) return m.sourceIptc;
  if (s.startsWith('exif')) return m.sourceExif;
  return source;
}
