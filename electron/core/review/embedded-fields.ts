import { readPhoto } from '../metadata/read-photo';
import { mergeView } from '../metadata/merge';

/** What a photo carries inside it, as any other tool would read it: XMP over IIM over EXIF. */
export interface EmbeddedFields {
  caption: string | null;
  headline: string | null;
  byline: string[];
  credit: string | null;
  source: string | null;
  copyright: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  location: string | null;
  dateCreated: string | null;
  keywords: string[];
  width: number | null;
  height: number | null;
  error: string | null;
  /** Fields whose XMP, IIM and EXIF copies disagree. */
  conflicts: string[];
}

export async function readEmbeddedFields(path: string, name: string): Promise<EmbeddedFields> {
  const read = await readPhoto(path, name);
  const view = mergeView(read, null);
  const t = view.text;
  return {
    caption: t.caption,
    headline: t.headline,
    byline: view.byline,
    credit: t.credit,
    source: t.source,
    copyright: t.copyright,
    city: t.city,
    province: t.province,
    country: t.country,
    location: t.location,
    dateCreated: t.dateCreated,
    keywords: view.keywords,
    width: read.width,
    height: read.height,
    error: read.error,
    conflicts: view.conflicts.map((c) => c.field),
  };
}
