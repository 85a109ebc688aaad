import type { PhotoRead } from './read-photo';
import type { XmpFields } from './xmp-read';
import { isPlaceholder } from './placeholders';
import { LIST_FIELDS, TEXT_FIELDS, type ListField, type TextField } from './photo-fields';
import { FIELDS, isListField } from '../../../common/fields/catalog';
import { CAMERA_SOURCE_TYPE_URI } from '../../../common/fields/digital-source-type';

export type Source = 'sidecar' | 'xmp' | 'iptc' | 'exif';

/** One view per photo: each text field's value, and each list field's items (under its name). */
export type MergedView = Record<ListField, string[]> & MergedRest;

interface MergedRest {
  text: Record<TextField, string | null>;
  sources: Partial<Record<string, Source>>;
  conflicts: { field: string; values: Partial<Record<Source, string>> }[];
  captionPlaceholder: string | null;
  rating: number | null;
  label: string | null;
  colorClass: number | null;
  pick: boolean | null;
  eventLinked: boolean;
}

/** Fields where cameras and buggy tools leave boilerplate that must not pass for content. */
const PLACEHOLDER_PRONE = new Set<string>(
  FIELDS.filter((f) => 'placeholderProne' in f && f.placeholderProne).map((f) => f.key),
);

/** A block's value of a field: a list by its first item (what a conflict compares). */
function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function embeddedCandidates(
  read: PhotoRead,
  field: TextField | ListField,
): [Source, string | undefined | null][] {
  const exif: Partial<Record<string, string | null>> = read.exif;
  return [
    ['xmp', firstOf(read.xmp[field])],
    ['iptc', firstOf(read.iim[field])],
    ['exif', exif[field]],
  ];
}

/**
 * A list that EXIF also holds (as one text, the by-line) is merged like a text field, by its
 * first item, so the blocks' disagreement shows; any other list is the first block's.
 */
const LISTS_LIKE_TEXT = new Set<string>(
  FIELDS.filter((f) => f.kind === 'list' && f.exif !== null).map((f) => f.key),
);

/**
 * One view per photo in the Metadata Working Group's spirit: the sidecar (the
 * reporter's own work) over embedded XMP over IIM over EXIF. A sidecar value, even
 * empty, is authoritative: a caption the reporter cleared must not come back.
 */
export function mergeView(read: PhotoRead, sidecar: XmpFields | null): MergedView {
  const view: MergedView = {
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, null])) as Record<TextField, string | null>,
    ...(Object.fromEntries(LIST_FIELDS.map((f) => [f, [] as string[]])) as Record<
      ListField,
      string[]
    >),
    sources: {},
    conflicts: [],
    captionPlaceholder: null,
    rating: sidecar?.rating ?? read.xmp.rating ?? read.rating,
    label: sidecar?.label ?? read.xmp.label ?? null,
    colorClass: sidecar?.colorClass ?? read.xmp.colorClass ?? null,
    pick: sidecar?.pick ?? read.xmp.pick ?? null,
    eventLinked: sidecar?.eventLinked ?? false,
  };

  const pick = (field: TextField | ListField, sidecarValue: string | undefined): string | null => {
    const embedded = embeddedCandidates(read, field);
    const usable = embedded.filter(([, v]) => {
      if (v === undefined || v === null || !v.trim()) return false;
      if (PLACEHOLDER_PRONE.has(field) && isPlaceholder(v, read.make)) {
        if (field === 'caption') view.captionPlaceholder ??= v;
        return false;
      }
      return true;
    }) as [Source, string][];
    const distinct = new Set(usable.map(([, v]) => v.trim()));
    if (distinct.size > 1) view.conflicts.push({ field, values: Object.fromEntries(usable) });
    if (sidecarValue !== undefined) {
      if (!sidecarValue.trim()) return null;
      view.sources[field] = 'sidecar';
      return sidecarValue;
    }
    const first = usable[0];
    if (!first) return null;
    view.sources[field] = first[0];
    return first[1];
  };

  for (const field of TEXT_FIELDS) view.text[field] = pick(field, sidecar?.[field]);
  // A camera's file says which camera made it: unless anything states a source type (a
  // cleared one included), it reads as a digital capture, and is exported as it reads.
  if (
    view.text.digitalSourceType === null &&
    sidecar?.digitalSourceType === undefined &&
    (read.make || read.model)
  ) {
    view.text.digitalSourceType = CAMERA_SOURCE_TYPE_URI;
    view.sources.digitalSourceType = 'exif';
  }
  for (const field of LIST_FIELDS) {
    if (LISTS_LIKE_TEXT.has(field)) {
      const own = sidecar?.[field];
      const first = pick(field, own === undefined ? undefined : (own[0] ?? ''));
      if (first === null) continue;
      const src = view.sources[field];
      view[field] =
        src === 'sidecar'
          ? own!
          : src === 'xmp'
            ? read.xmp[field]!
            : src === 'iptc'
              ? read.iim[field]!
              : first.split(/\s*;\s*/).filter(Boolean);
      continue;
    }
    const items = sidecar?.[field] ?? read.xmp[field] ?? read.iim[field];
    if (!items) continue;
    view[field] = items.filter((k) => k.trim() && !isPlaceholder(k));
    if (view[field].length)
      view.sources[field] = sidecar?.[field] ? 'sidecar' : read.xmp[field] ? 'xmp' : 'iptc';
  }
  return view;
}

/** A field's merged value by its catalog name: text or null, or a list's items. */
export function mergedValue(
  view: MergedView,
  key: TextField | ListField,
): string | null | string[] {
  return isListField(key) ? view[key] : view.text[key];
}
