import type { PhotoRead } from './read-photo';
import type { XmpFields } from './xmp-read';
import { isPlaceholder } from './placeholders';

export type Source = 'sidecar' | 'xmp' | 'iptc' | 'exif';

export interface MergedText {
  caption: string | null;
  captionSource: Source | null;
  captionPlaceholder: string | null;
  byline: string | null;
  rating: number | null;
}

/**
 * One view per photo, in the Metadata Working Group's spirit: the sidecar (the
 * reporter's own work) over embedded XMP over IIM over EXIF. A sidecar value, even
 * empty, is authoritative: a caption the reporter cleared must not come back.
 */
export function mergeView(read: PhotoRead, sidecar: XmpFields | null): MergedText {
  let placeholder: string | null = null;
  const pick = (
    candidates: [Source, string | undefined | null][],
  ): [string | null, Source | null] => {
    for (const [source, value] of candidates) {
      if (value === undefined || value === null) continue;
      if (source === 'sidecar') return value.trim() ? [value, source] : [null, null];
      if (isPlaceholder(value, read.make)) {
        placeholder ??= value;
        continue;
      }
      return [value, source];
    }
    return [null, null];
  };
  const [caption, captionSource] = pick([
    ['sidecar', sidecar?.caption],
    ['xmp', read.xmp.caption],
    ['iptc', read.iim.caption],
    ['exif', read.exif.caption],
  ]);
  const captionPlaceholder = placeholder;
  const [byline] = pick([
    ['sidecar', sidecar?.byline?.[0]],
    ['xmp', read.xmp.byline?.[0]],
    ['iptc', read.iim.byline?.[0]],
    ['exif', read.exif.byline],
  ]);
  const rating = sidecar?.rating ?? read.xmp.rating ?? read.rating;
  return { caption, captionSource, captionPlaceholder, byline, rating };
}
