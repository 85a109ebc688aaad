/** The native dialogs: "open folder" (menu and `pickFolder()`) and "open package" (`pickPackage()`). */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { folderDialogOptions, packageDialogOptions } from './menu-template';
import type { ShellLang } from './shell-texts';

async function pick(parent: BrowserWindow | null, options: OpenDialogOptions) {
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  // The path is returned as the file system spells it (not NFC-normalized): on Linux
  // an NFD folder name normalized to NFC would no longer exist.
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export function pickFolder(parent: BrowserWindow | null, lang: ShellLang): Promise<string | null> {
  return pick(parent, folderDialogOptions(lang));
}

/** The native "open package" dialog for editor review. */
export function pickPackageFile(
  parent: BrowserWindow | null,
  lang: ShellLang,
): Promise<string | null> {
  return pick(parent, packageDialogOptions(lang));
}
