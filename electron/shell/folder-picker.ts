/** The native dialogs: "open folder" (menu and `pickFolder()`) and "open package" (`pickPackage()`). */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

export async function pickFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Mở thư mục sự kiện',
    buttonLabel: 'Mở',
    properties: ['openDirectory'],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  // The path is returned as the file system spells it (not NFC-normalized): on Linux
  // an NFD folder name normalized to NFC would no longer exist.
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The native "open package" dialog for editor review. */
export async function pickPackageFile(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Mở gói bài',
    buttonLabel: 'Mở',
    properties: ['openFile'],
    filters: [{ name: 'CaptionDesk package', extensions: ['zip', 'cdpkg'] }],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
