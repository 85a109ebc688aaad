import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  folderDialogOptions,
  menuTemplate,
  packageDialogOptions,
  startupErrorText,
} from './menu-template';
import { readSavedLanguage, saveLanguage } from './shell-language';
import { isShellLang, shellTexts } from './shell-texts';

const items = (m: MenuItemConstructorOptions) => m.submenu as MenuItemConstructorOptions[];
const labels = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((m) => [
    m.label,
    ...(Array.isArray(m.submenu) ? items(m).map((i) => i.label) : []),
  ]);

describe('the shell texts', () => {
  it('have every word in both languages, and they differ', () => {
    expect(Object.keys(shellTexts.en).sort()).toEqual(Object.keys(shellTexts.vi).sort());
    for (const key of Object.keys(shellTexts.vi) as (keyof typeof shellTexts.vi)[]) {
      expect(shellTexts.vi[key].trim(), key).not.toBe('');
      expect(shellTexts.en[key].trim(), key).not.toBe('');
    }
    expect(shellTexts.vi.openFolder).not.toBe(shellTexts.en.openFolder);
    expect(isShellLang('vi') && isShellLang('en')).toBe(true);
    expect(isShellLang('fr') || isShellLang(null)).toBe(false);
  });
});

describe('menuTemplate', () => {
  const base = {
    mac: false,
    packaged: true,
    onOpenFolder: () => undefined,
    onShowLog: () => undefined,
  };

  it('says the menu in Vietnamese, then in English', () => {
    const vi = menuTemplate({ ...base, lang: 'vi' });
    expect(labels(vi)).toEqual([
      'Tệp',
      'Mở thư mục…',
      undefined,
      'Thoát',
      'Trợ giúp',
      'Xem nhật ký lỗi và công việc',
    ]);
    const en = menuTemplate({ ...base, lang: 'en' });
    expect(labels(en)).toEqual([
      'File',
      'Open Folder…',
      undefined,
      'Quit',
      'Help',
      'Show the Log of Errors and Jobs',
    ]);
  });

  it('keeps roles and shortcuts whatever the language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const [file] = menuTemplate({ ...base, lang });
      expect(items(file!)[0]).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
      expect(items(file!)[2]).toMatchObject({ role: 'quit' });
    }
  });

  it('opens the folder picker from the menu item', () => {
    const onOpenFolder = vi.fn();
    const [file] = menuTemplate({ ...base, lang: 'en', onOpenFolder });
    const click = items(file!)[0]!.click as () => void;
    click();
    expect(onOpenFolder).toHaveBeenCalledOnce();
  });

  it('shows the log from Help, last in every menu bar, in both languages', () => {
    for (const [lang, mac] of [
      ['vi', false],
      ['en', true],
    ] as const) {
      const onShowLog = vi.fn();
      const template = menuTemplate({ ...base, lang, mac, packaged: false, onShowLog });
      const help = template.at(-1)!;
      expect(help).toMatchObject({ label: shellTexts[lang].helpMenu, role: 'help' });
      const [show] = items(help);
      expect(show!.label).toBe(shellTexts[lang].showLog);
      (show!.click as () => void)();
      expect(onShowLog).toHaveBeenCalledOnce();
    }
  });

  it('gives macOS its app menu and an Edit menu, and development its Develop menu', () => {
    const mac = menuTemplate({ ...base, lang: 'en', mac: true, packaged: false });
    expect(mac.map((m) => m.label ?? m.role)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'Develop',
      'Help',
    ]);
    expect(labels([mac[2]!])).toEqual([
      'Edit',
      'Undo',
      'Redo',
      undefined,
      'Cut',
      'Copy',
      'Paste',
      'Select All',
    ]);
    const macVi = menuTemplate({ ...base, lang: 'vi', mac: true, packaged: false });
    expect(macVi.map((m) => m.label ?? m.role)).toEqual([
      'appMenu',
      'Tệp',
      'Sửa',
      'Phát triển',
      'Trợ giúp',
    ]);
    // macOS quits from the app menu, not from File.
    expect(items(mac[1]!).some((i) => i.role === 'quit')).toBe(false);
  });
});

describe('the pickers and the startup error box', () => {
  it('title and label the pickers in the UI language', () => {
    expect(folderDialogOptions('vi')).toMatchObject({
      title: 'Mở thư mục sự kiện',
      buttonLabel: 'Mở',
      properties: ['openDirectory'],
    });
    expect(folderDialogOptions('en')).toMatchObject({
      title: 'Open an event folder',
      buttonLabel: 'Open',
    });
    expect(packageDialogOptions('vi')).toMatchObject({
      title: 'Mở gói bài',
      filters: [{ name: 'Gói bài CaptionDesk', extensions: ['zip', 'cdpkg'] }],
    });
    expect(packageDialogOptions('en').title).toBe('Open an article package');
  });

  it('says the startup failure in the UI language, the cause below it', () => {
    expect(startupErrorText('vi', 'EACCES')).toBe('Không khởi động được CaptionDesk.\n\nEACCES');
    expect(startupErrorText('en', 'EACCES')).toBe('CaptionDesk could not start.\n\nEACCES');
  });

  it('remembers the language for the next start, Vietnamese when it knows none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'captiondesk-shell-'));
    try {
      expect(readSavedLanguage(dir)).toBe('vi');
      await saveLanguage(dir, 'en');
      expect(await readFile(path.join(dir, 'ui-language'), 'utf8')).toBe('en');
      expect(readSavedLanguage(dir)).toBe('en');
      await writeFile(path.join(dir, 'ui-language'), 'klingon');
      expect(readSavedLanguage(dir)).toBe('vi');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
