import { photoBase, type FolderEntry } from './list-photos';

/**
 * The photos the changed names concern: the photo itself, the JPEG a RAW is paired
 * with, the photo(s) a sidecar belongs to (`x.xmp` → every photo named x.*, `x.JPG.xmp`
 * → x.JPG). Names of new or removed files need no mapping: the listing shows those.
 */
export function touchedFiles(entries: FolderEntry[], names: string[]): Set<string> {
  const byName = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const e of entries) {
    byName.set(e.file.toLowerCase(), e.file);
    if (e.pairedWith) byName.set(e.pairedWith.file.toLowerCase(), e.file);
    const b = photoBase(e.file);
    byBase.set(b, [...(byBase.get(b) ?? []), e.file]);
  }
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').toLowerCase();
    const stem = name.endsWith('.xmp') ? name.slice(0, -4) : null;
    const exact = byName.get(stem ?? name);
    if (exact) out.add(exact);
    else if (stem !== null) for (const file of byBase.get(stem) ?? []) out.add(file);
  }
  return out;
}
