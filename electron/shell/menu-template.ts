/**
 * The application menu and the pickers' options as plain data, in the UI's language.
 * Only Electron's types are imported, so tests build them without the Electron binary;
 * main.ts hands the template to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions, OpenDialogOptions } from 'electron';
import { shellTexts, type ShellLang } from './shell-texts';

export interface MenuContext {
  lang: ShellLang;
  /** macOS: the app menu holds Quit, and copy/paste need an Edit menu. */
  mac: boolean;
  /** A packaged build has no reload or devtools. */
  packaged: boolean;
  onOpenFolder: () => void;
  /** Opens the log file (errors and job outcomes) in the system's viewer, or its folder. */
  onShowLog: () => void;
}

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const t = shellTexts[ctx.lang];
  const file: MenuItemConstructorOptions = {
    label: t.fileMenu,
    submenu: [
      { label: t.openFolder, accelerator: 'CmdOrCtrl+O', click: () => ctx.onOpenFolder() },
      // macOS quits from the app menu.
      ...(ctx.mac
        ? []
        : [{ type: 'separator' as const }, { label: t.quit, role: 'quit' as const }]),
    ],
  };
  // macOS routes Cmd+C / Cmd+V to text fields only through an Edit menu.
  const edit: MenuItemConstructorOptions = {
    label: t.editMenu,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };
  // Replacing the default menu drops its reload and devtools shortcuts; keep them in development.
  // DevTools on F12: Ctrl+Shift+I, its default, is ingest's shortcut.
  const develop: MenuItemConstructorOptions = {
    label: t.developMenu,
    submenu: [{ role: 'reload' }, { role: 'toggleDevTools', accelerator: 'F12' }],
  };
  // role 'help' lets macOS put its search field there.
  const help: MenuItemConstructorOptions = {
    label: t.helpMenu,
    role: 'help',
    submenu: [{ label: t.showLog, click: () => ctx.onShowLog() }],
  };
  return [
    ...(ctx.mac ? [{ role: 'appMenu' as const }] : []),
    file,
    ...(ctx.mac ? [edit] : []),
    ...(ctx.packaged ? [] : [develop]),
    help,
  ];
}

export function folderDialogOptions(lang: ShellLang): OpenDialogOptions {
  const t = shellTexts[lang];
  return { title: t.openFolderTitle, buttonLabel: t.openButton, properties: ['openDirectory'] };
}

export function packageDialogOptions(lang: ShellLang): OpenDialogOptions {
  const t = shellTexts[lang];
  return {
    title: t.openPackageTitle,
    buttonLabel: t.openButton,
    properties: ['openFile'],
    filters: [{ name: t.packageFilter, extensions: ['zip', 'cdpkg'] }],
  };
}

/** The startup error box: the sentence in the UI's language, the cause as the system gave it. */
export function startupErrorText(lang: ShellLang, reason: string): string {
  return `${shellTexts[lang].startFailed}\n\n${reason}`;
}
