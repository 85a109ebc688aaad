/**
 * The words of the native parts (menu, pickers, the startup error box) in the UI's two
 * languages. The renderer tells the shell its language (preload `setLanguage`), so the
 * menus and dialogs follow the switch. Plain data: tested without Electron.
 */
export type ShellLang = 'vi' | 'en';

export interface ShellTexts {
  fileMenu: string;
  openFolder: string;
  quit: string;
  editMenu: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  developMenu: string;
  helpMenu: string;
  showLog: string;
  openFolderTitle: string;
  openPackageTitle: string;
  openButton: string;
  packageFilter: string;
  startFailed: string;
}

export const shellTexts: Readonly<Record<ShellLang, ShellTexts>> = {
  vi: {
    fileMenu: 'Tệp',
    openFolder: 'Mở thư mục…',
    quit: 'Thoát',
    editMenu: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    developMenu: 'Phát triển',
    helpMenu: 'Trợ giúp',
    showLog: 'Xem nhật ký lỗi và công việc',
    openFolderTitle: 'Mở thư mục sự kiện',
    openPackageTitle: 'Mở gói bài',
    openButton: 'Mở',
    packageFilter: 'Gói bài CaptionDesk',
    startFailed: 'Không khởi động được CaptionDesk.',
  },
  en: {
    fileMenu: 'File',
    openFolder: 'Open Folder…',
    quit: 'Quit',
    editMenu: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    developMenu: 'Develop',
    helpMenu: 'Help',
    showLog: 'Show the Log of Errors and Jobs',
    openFolderTitle: 'Open an event folder',
    openPackageTitle: 'Open an article package',
    openButton: 'Open',
    packageFilter: 'CaptionDesk package',
    startFailed: 'CaptionDesk could not start.',
  },
};

/** Vietnamese first: the app starts in it until the UI says otherwise. */
export const DEFAULT_SHELL_LANG: ShellLang = 'vi';

export function isShellLang(value: unknown): value is ShellLang {
  return value === 'vi' || value === 'en';
}
