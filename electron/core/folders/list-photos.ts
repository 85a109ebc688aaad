import { readdir } from 'node:fs/promises';
import { formatFromName, RAW_FORMATS } from '../formats/detect';

export interface FolderEntry {
  /** NFC: how the file is named everywhere in the app. */
  file: string;
  /** As on disk (macOS hands out NFD), for opening it. */
  diskName: string;
  /** The RAW of a RAW+JPEG pair, shown as this one photo and sharing its sidecar. */
  pairedWith: { file: string; diskName: string } | null;
}

/** Lower-case name without its extension: how RAW+JPEG pairs and `name.xmp` sidecars match. */
export function photoBase(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}

/**
 * The photos of a folder, not recursive, sorted by file name. A RAW and a JPEG with
 * the same base name are one photo, as on the camera's card: the JPEG is shown.
 */
export async function listPhotoFiles(folder: string): Promise<FolderEntry[]> {
  const dirents = await readdir(folder, { withFileTypes: true });
  const files: { file: string; diskName: string; raw: boolean }[] = [];
  for (const d of dirents) {
    if (!d.isFile() || d.name.startsWith('.')) continue;
    const format = formatFromName(d.name);
    if (!format) continue;
    files.push({ file: d.name.normalize('NFC'), diskName: d.name, raw: RAW_FORMATS.has(format) });
  }
  const byBase = new Map<string, typeof files>();
  for (const f of files)
    byBase.set(photoBase(f.file), [...(byBase.get(photoBase(f.file)) ?? []), f]);
  const out: FolderEntry[] = [];
  for (const group of byBase.values()) {
    const jpeg = group.find((f) => !f.raw && /\.(jpe?g)$/i.test(f.file));
    const raws = group.filter((f) => f.raw);
    if (jpeg && raws.length === 1) {
      out.push({
        file: jpeg.file,
        diskName: jpeg.diskName,
        pairedWith: { file: raws[0]!.file, diskName: raws[0]!.diskName },
      });
      for (const f of group)
        if (f !== jpeg && f !== raws[0])
          out.push({ file: f.file, diskName: f.diskName, pairedWith: null });
    } else
      for (const f of group) out.push({ file: f.file, diskName: f.diskName, pairedWith: null });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every file name of a folder (NFC), e.g. to know which sidecars exist without trying each. */
export async function listNames(folder: string): Promise<Set<string> | undefined> {
  try {
    return new Set((await readdir(folder)).map((n) => n.normalize('NFC')));
  } catch {
    return undefined;
  }
}
