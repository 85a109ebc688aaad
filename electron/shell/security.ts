/**
 * The Electron security checklist, applied in one place: the `app://` scheme and its
 * CSP, navigation, window-open and permission guards, and a block on every network
 * request that is not the dev server. (The window's webPreferences are spelled out
 * where it is created, in main.ts, so scanners such as electronegativity see them.) The decisions live in
 * security-rules.ts and app-protocol.ts, where they are tested without Electron.
 */
import { app, protocol, session, shell, type WebContents } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import type { Core } from '../core/app-core-types';
import {
  APP_SCHEME,
  contentSecurityPolicy,
  isAllowedExternal,
  isAllowedNetworkRequest,
  isAppUrl,
} from './security-rules';

/** Must run before `app` is ready: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins, relative URLs and `'self'` in the CSP; secure: no mixed-content downgrade.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface SecurityOptions {
  rendererDir: string;
  /** The Vite dev server in `npm start`; undefined when packaged. */
  devServerUrl: string | undefined;
  resolveMedia: Core['resolveMedia'];
}

function openIfAllowed(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

/** Applied to every webContents as it is created, so no window can slip through. */
function hardenWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, devServerUrl)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  // Subframes have no will-navigate; the UI has no frames, so they stay on the app or go nowhere.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, after `app` is ready and before the first window is created. */
export function installSecurity(opts: SecurityOptions): void {
  const { devServerUrl } = opts;
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: opts.rendererDir,
      resolveMedia: opts.resolveMedia,
      csp: contentSecurityPolicy(),
      onError: (error, url) => console.error(`CaptionDesk: ${url} failed:`, error),
    }),
  );

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  // No remote content: the renderer reaches nothing over the network but the dev server.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) =>
      callback({ cancel: !isAllowedNetworkRequest(details.url, devServerUrl) }),
  );
  if (devServerUrl) {
    // app:// responses carry their CSP; the dev server's pages get theirs here.
    const csp = contentSecurityPolicy(devServerUrl);
    ses.webRequest.onHeadersReceived(
      { urls: [`${new URL(devServerUrl).origin}/*`] },
      (details, callback) =>
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
        }),
    );
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
}
