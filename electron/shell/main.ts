/**
 * CaptionDesk's main process: app lifecycle and the window, wiring only. The work is
 * in the core (plain Node); security.ts and ipc.ts are the shell around it.
 *
 * Where the renderer comes from: Forge's Vite plugin defines
 * MAIN_WINDOW_VITE_DEV_SERVER_URL during `npm start` (the window loads the Vite dev
 * server) and MAIN_WINDOW_VITE_NAME always. Packaged, the renderer is built into
 * .vite/renderer/<name>, beside this bundle in .vite/build, and served as app://app/.
 */
import '../core/util/threadpool';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app-core-types';
import { startCoreHost } from '../core/process/core-host';
import { utilityCore } from './utility-core';
import { pickFolder } from './folder-picker';
import { registerIpc, type LanguageSlot } from './ipc';
import { menuTemplate, startupErrorText } from './menu-template';
import { showLog } from './show-log';
import { watchProcessErrors } from '../core/log/process-errors';
import { readSavedLanguage, saveLanguage } from './shell-language';
import { SafeStorageSecrets } from './safe-secrets';
import {
  EVENT_CHANNEL,
  OPEN_FOLDER_REQUEST_CHANNEL,
  OPEN_PACKAGE_REQUEST_CHANNEL,
} from './ipc-channels';
import { folderFromArgv, packageFromArgv } from './launch-args';
import { installSecurity, registerAppScheme } from './security';
import { APP_ENTRY_URL, isAppUrl } from './security-rules';

// A packaged build never trusts a dev server, whatever was compiled in.
const devServerUrl =
  !app.isPackaged && typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string'
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined;
const rendererName =
  typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';

// This bundle is .vite/build/main.cjs: in the project during `npm start`, in app.asar when packaged.
const rendererDir = path.join(__dirname, '..', 'renderer', rendererName);
const preloadPath = path.join(__dirname, 'preload.cjs');
// Packaged, assets/ ships as extra resources (forge.config.ts, electron-builder.yml), outside the asar.
const assetsDir = app.isPackaged
  ? process.resourcesPath
  : path.join(__dirname, '..', '..', 'assets');

let mainWindow: BrowserWindow | null = null;

function isDirectory(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

function folderFromLaunch(argv: readonly string[], cwd: string): string | null {
  return folderFromArgv(argv, { isDefaultApp: process.defaultApp, cwd, isDirectory });
}

/** Sends only to our own page, never to whatever else a window might be showing. */
function sendToRenderer(channel: string, payload: unknown): void {
  const contents = mainWindow?.webContents;
  if (!contents || contents.isDestroyed() || !isAppUrl(contents.getURL(), devServerUrl)) return;
  contents.send(channel, payload);
}

/** Unlike a progress event, a folder request must survive a window that is still loading. */
function requestOpenFolder(folder: string): void {
  const contents = mainWindow?.webContents;
  if (contents?.isLoading()) contents.once('did-finish-load', () => requestOpenFolder(folder));
  else sendToRenderer(OPEN_FOLDER_REQUEST_CHANNEL, folder);
}

/** A package the OS opened with us goes to the review workspace, once the page can hear it. */
function requestOpenPackage(file: string): void {
  const contents = mainWindow?.webContents;
  if (!contents) pendingPackage = file;
  else if (contents.isLoading()) contents.once('did-finish-load', () => requestOpenPackage(file));
  else sendToRenderer(OPEN_PACKAGE_REQUEST_CHANNEL, file);
}
let pendingPackage: string | null = null;

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function packageFromLaunch(argv: readonly string[], cwd: string): string | null {
  return packageFromArgv(argv, { isDefaultApp: process.defaultApp, cwd, isDirectory, isFile });
}

// macOS hands documents over with 'open-file', possibly before the app is ready.
app.on('open-file', (event, file) => {
  event.preventDefault();
  requestOpenPackage(file);
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: 'CaptionDesk',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    icon: path.join(assetsDir, 'icon.png'),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would open a window; they are denied anyway, so do not even ask.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('CaptionDesk: the window could not load its page:', error);
  });
  return win;
}

/** The UI's language: last run's until the renderer says it, then whatever the user switches to. */
let uiLang = readSavedLanguage(app.getPath('userData'));

async function openFolderFromMenu(): Promise<void> {
  const folder = await pickFolder(mainWindow, uiLang);
  if (folder) requestOpenFolder(folder);
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate(
    menuTemplate({
      lang: uiLang,
      mac: process.platform === 'darwin',
      packaged: app.isPackaged,
      onOpenFolder: () => void openFolderFromMenu(),
      onShowLog: () => void showLog(app.getPath('userData')),
    }),
  );
}

const language: LanguageSlot = {
  get: () => uiLang,
  set(lang) {
    if (lang === uiLang) return;
    uiLang = lang;
    Menu.setApplicationMenu(buildMenu());
    void saveLanguage(app.getPath('userData'), lang);
  },
};

function closeCoreOnQuit(core: Core): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Let the core finish writing (sidecars, cache) before the process goes.
    event.preventDefault();
    core
      .close()
      .catch((error: unknown) => console.error('CaptionDesk: closing the core failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  // The core works in a utilityProcess of its own (built beside main.cjs): a crash on one
  // bad file restarts it, and the window with the text in it stays.
  const core: Core = await startCoreHost({
    init: {
      dataDir: userData,
      // Not "cache": on macOS and Windows that is Chromium's own "Cache" folder in userData.
      cacheDir: path.join(userData, 'thumbnails'),
      sampleDir: path.join(assetsDir, 'sample-event'),
      mode: 'electron',
      startFolder: folderFromLaunch(process.argv, process.cwd()),
      version: app.getVersion(),
    },
    spawn: () => utilityCore(path.join(__dirname, 'core-child.cjs')),
    // Upload passwords live in the OS keychain (safeStorage), which only main can reach;
    // the core asks for them when it needs one.
    secrets: new SafeStorageSecrets(path.join(userData, 'secrets.json')),
  });
  closeCoreOnQuit(core);
  watchProcessErrors(core.log);

  installSecurity({ rendererDir, devServerUrl, resolveMedia: (media) => core.resolveMedia(media) });
  registerIpc(core, devServerUrl, language);
  core.on((event) => sendToRenderer(EVENT_CHANNEL, event));
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
  const launchedPackage = pendingPackage ?? packageFromLaunch(process.argv, process.cwd());
  if (launchedPackage) requestOpenPackage(launchedPackage);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    mainWindow ??= createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const folder = folderFromLaunch(argv, workingDirectory);
    if (folder) requestOpenFolder(folder);
    const pkg = packageFromLaunch(argv, workingDirectory);
    if (pkg) requestOpenPackage(pkg);
  });
  app.on('activate', () => {
    mainWindow ??= createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another CaptionDesk is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('CaptionDesk', startupErrorText(uiLang, reason));
      app.exit(1);
    });
}
