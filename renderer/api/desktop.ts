import type { ClientApi } from '../../electron/contract/api';
import type { DesktopBridge } from '../../electron/contract/bridge-types';
import { decodeWireError } from '../../common/api/wire-error';
import { TransportError } from './errors';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Defined by electron/shell/preload.ts; absent in browser mode. */
    captiondesk?: DesktopBridge;
  }
}

/** Give the bridge's errors back their code, which the context bridge cannot carry. */
function withCodes(bridge: DesktopBridge): ClientApi {
  return new Proxy(bridge as unknown as ClientApi, {
    get(target, name) {
      const fn = (target as unknown as Record<string | symbol, unknown>)[name];
      if (typeof fn !== 'function') return fn;
      return async (args: unknown) => {
        try {
          return await (fn as (a: unknown) => Promise<unknown>)(args);
        } catch (err) {
          const wire = decodeWireError(err instanceof Error ? err.message : String(err));
          throw wire ? new TransportError(wire.message, wire.code, wire.params) : err;
        }
      };
    },
  });
}

export function desktopTransport(bridge: DesktopBridge): Transport {
  return {
    mode: 'desktop',
    api: withCodes(bridge),
    onEvent: (listener) => bridge.onEvent(listener),
    // As bridge-types.ts specifies: app://media/ + media/thumb/…, which main resolves.
    mediaUrl: (path) => bridge.mediaBase + path,
    pickFolder: () => bridge.pickFolder(),
    onOpenFolderRequest: (listener) => bridge.onOpenFolderRequest(listener),
    pickPackage: () => bridge.pickPackage(),
    onOpenPackageRequest: (listener) => bridge.onOpenPackageRequest(listener),
    pathForFile: (file) => bridge.pathForFile(file),
    setLanguage: (lang) => bridge.setLanguage(lang),
  };
}
