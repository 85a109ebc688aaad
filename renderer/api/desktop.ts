import type { DesktopBridge } from '../../electron/bridge-types';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Defined by electron/preload.ts; absent in browser mode. */
    captiondesk?: DesktopBridge;
  }
}

export function desktopTransport(bridge: DesktopBridge): Transport {
  return {
    mode: 'desktop',
    // The bridge itself is the API: one async function per contract method.
    api: bridge,
    onEvent: (listener) => bridge.onEvent(listener),
    // As bridge-types.ts specifies: app://media/ + media/thumb/…, which main resolves.
    mediaUrl: (path) => bridge.mediaBase + path,
    pickFolder: () => bridge.pickFolder(),
    onOpenFolderRequest: (listener) => bridge.onOpenFolderRequest(listener),
  };
}
