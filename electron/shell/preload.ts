/**
 * The renderer's only door to the main process. It exposes a fixed object of
 * functions, one per contract method plus a few desktop-only helpers, and never
 * `ipcRenderer` itself. Runs sandboxed, so it imports nothing but electron and
 * plain constants (see api-methods.ts for why not api.ts).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ClientApi, MethodName } from '../contract/api';
import { apiMethodNames } from '../contract/methods';
import type { DesktopBridge, WireResult } from '../contract/bridge-types';
import { encodeWireError } from '../../common/api/wire-error';
import {
  API_CHANNEL,
  EVENT_CHANNEL,
  OPEN_FOLDER_REQUEST_CHANNEL,
  OPEN_PACKAGE_REQUEST_CHANNEL,
  PICK_FOLDER_CHANNEL,
  PICK_PACKAGE_CHANNEL,
  SET_LANGUAGE_CHANNEL,
} from './ipc-channels';

async function call(method: MethodName, args: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(API_CHANNEL, method, args)) as WireResult;
  if (result.ok) return result.value;
  // Only an Error's message survives the context bridge: the code rides in front of it,
  // and the renderer's desktop transport takes it off again (common/api/wire-error.ts).
  throw new Error(encodeWireError(result.error));
}

/** Listens on a channel, handing the listener the payload but never the Electron event. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const api = Object.fromEntries(
  apiMethodNames.map((method) => [method, (args: unknown) => call(method, args)]),
) as unknown as ClientApi;

const bridge: DesktopBridge = {
  ...api,
  onEvent: (listener) => subscribe(EVENT_CHANNEL, listener),
  pickFolder: () => ipcRenderer.invoke(PICK_FOLDER_CHANNEL) as Promise<string | null>,
  onOpenFolderRequest: (listener) => subscribe(OPEN_FOLDER_REQUEST_CHANNEL, listener),
  pickPackage: () => ipcRenderer.invoke(PICK_PACKAGE_CHANNEL) as Promise<string | null>,
  onOpenPackageRequest: (listener) => subscribe(OPEN_PACKAGE_REQUEST_CHANNEL, listener),
  // File.path is gone since Electron 32; webUtils is the sanctioned way, and only for dropped files.
  pathForFile: (file) => webUtils.getPathForFile(file),
  setLanguage: (lang) => ipcRenderer.invoke(SET_LANGUAGE_CHANNEL, lang) as Promise<void>,
  mediaBase: 'app://media/',
};

contextBridge.exposeInMainWorld('captiondesk', bridge);
