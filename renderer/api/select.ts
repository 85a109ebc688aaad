import { desktopTransport } from './desktop';
import { httpTransport } from './http';
import { takeToken } from './token';
import type { Transport } from './transport';

/** Electron's preload defines window.captiondesk; anything else is browser mode. */
export function createTransport(): Transport {
  const bridge = window.captiondesk;
  if (bridge) return desktopTransport(bridge);
  return httpTransport(takeToken());
}
