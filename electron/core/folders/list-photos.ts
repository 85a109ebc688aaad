import { readdir } from 'node:fs/promises';
import { formatFromName } from '../formats/detect';

export interface FolderEntry {
  /** NFC: how the file is named everywhere in the app. */
  file: string;
  /** As on disk (macOS hands out NFD), for opening it. */
  diskName: string;
}

/** The photos of a folder, not recursive, sorted by file name. */
export async function listPhotoFiles(folder: string): Promise<FolderEntry[]> {
  const dirents = await readdir(folder, { withFileTypes: true });
  const out: FolderEntry[] = [];
  for (const d of dirents) {
    if (!d.isFile() || d.name.startsWith('.')) continue;
    if (!formatFromName(d.name)) continue;
    out.push({ file: d.name.normalize('NFC'), diskName: d.name });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
