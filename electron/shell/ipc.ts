/**
 * The API over Electron IPC: one generic channel, so a method added to the contract
 * needs no change here. Every message's sender is checked; `dispatch` validates the
 * arguments against the contract's schema.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, toWireError } from '../contract/dispatch';
import type { WireResult } from '../contract/bridge-types';
import type { Core } from '../core/app-core-types';
import { pickFolder, pickPackageFile } from './folder-picker';
import {
  API_CHANNEL,
  PICK_FOLDER_CHANNEL,
  PICK_PACKAGE_CHANNEL,
  SET_LANGUAGE_CHANNEL,
} from './ipc-channels';
import { isShellLang, type ShellLang } from './shell-texts';
import { isAllowedSender } from './security-rules';

/** The UI's language as main holds it: the pickers read it, the renderer sets it. */
export interface LanguageSlot {
  get(): ShellLang;
  set(lang: ShellLang): void;
}

export function registerIpc(
  core: Core,
  devServerUrl: string | undefined,
  language: LanguageSlot,
): void {
  // Only the top frame of our own page: the UI has no frames, so a subframe is not ours.
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAllowedSender(frame.url, devServerUrl);
  };

  ipcMain.handle(
    API_CHANNEL,
    async (event, method: unknown, args: unknown): Promise<WireResult> => {
      if (!trusted(event)) {
        console.warn(
          `CaptionDesk: refused ${String(method)} from ${event.senderFrame?.url ?? 'a closed frame'}`,
        );
        return { ok: false, error: { message: 'Forbidden sender', code: 'forbidden' } };
      }
      try {
        return { ok: true, value: await dispatch(core.api, method, args) };
      } catch (error) {
        return { ok: false, error: toWireError(error) };
      }
    },
  );

  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!trusted(event)) throw new Error('Forbidden sender');
    return pickFolder(BrowserWindow.fromWebContents(event.sender), language.get());
  });
  ipcMain.handle(PICK_PACKAGE_CHANNEL, async (event) => {
    if (!trusted(event)) throw new Error('Forbidden sender');
    return pickPackageFile(BrowserWindow.fromWebContents(event.sender), language.get());
  });
  ipcMain.handle(SET_LANGUAGE_CHANNEL, (event, lang: unknown) => {
    if (!trusted(event)) throw new Error('Forbidden sender');
    if (!isShellLang(lang)) throw new Error(`Unknown language: ${String(lang)}`);
    language.set(lang);
  });
}
