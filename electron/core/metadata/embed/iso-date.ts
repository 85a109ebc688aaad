/**
 * ISO 8601 dates as photoshop:DateCreated takes them (date, optionally time and zone),
 * split into the IIM forms 2:55 CCYYMMDD and 2:60 HHMMSS±HHMM.
 */

export interface IsoParts {
  /** CCYYMMDD, with 00 for an unknown month or day as IIM allows. */
  iimDate: string;
  /** HHMMSS±HHMM, or null when the value has no time or no zone. */
  iimTime: string | null;
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function parseIsoDate(value: string): IsoParts | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo = '00', d = '00', h, mi, s = '00', zone] = m;
  if (Number(mo) > 12 || Number(d) > 31) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)) return null;
  let iimTime: string | null = null;
  // IIM requires a zone. ExifTool writes a zone-less time as UTC, which puts the photo hours
  // off; the package export always gives the real offset, so a time without one is left out.
  if (h !== undefined && zone !== undefined) {
    const z = zone === 'Z' ? '+0000' : zone.replace(':', '');
    iimTime = `${h}${mi}${s}${z}`;
  }
  return { iimDate: `${y}${mo}${d}`, iimTime };
}
