import { zoneOffset } from '../../../common/time/time-zone';

/** Where an exported photo's capture time can take its UTC offset from, best first. */
export interface OffsetSources {
  /** EXIF DateTimeOriginal with OffsetTimeOriginal, as read ("2021-06-27T18:23:07+02:00"). */
  exif: string | null | undefined;
  /** IIM 2:55 + 2:60 as read. */
  iim: string | null | undefined;
  /** XMP photoshop:DateCreated as read. */
  xmp: string | null | undefined;
  /** The event's IANA zone: its offset on that date is the last resort. */
  timeZone: string;
}

const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const WITH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The zone a dated value states, as "+02:00"; null when it states none. */
export function statedOffset(value: string | null | undefined): string | null {
  if (!value || !WITH_TIME.test(value)) return null;
  const z = ZONE.exec(value)?.[1];
  if (!z) return null;
  if (z === 'Z') return '+00:00';
  return z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}

/**
 * The capture time as exported (IIM 2:55/2:60, XMP photoshop:DateCreated): a time with its
 * real offset. A value that states one keeps it. Otherwise the offset comes from EXIF
 * OffsetTimeOriginal, else one the file's IIM or XMP already states, else the event's zone
 * on that date, so a zone-less XMP date can no longer turn into +00:00 in IIM. A date
 * without a time needs no offset and stays as it is.
 */
export function withCaptureOffset(value: string, from: OffsetSources): string {
  if (!WITH_TIME.test(value) || statedOffset(value)) return value;
  const offset =
    statedOffset(from.exif) ??
    statedOffset(from.iim) ??
    statedOffset(from.xmp) ??
    zoneOffset(value, from.timeZone);
  return offset ? value + offset : value;
}
