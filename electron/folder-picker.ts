/** The native "open folder" dialog, shared by the menu and the renderer's `pickFolder()`. */
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
