import { desktopTransport } from './desktop';
import { httpTransport } from './http';
import { takeToken } from './token';
import type { Transport } from './transport';

/**
 * Electron's preload defines window.captiondesk; anything else is browser mode. Writes
 * go straight through: the core's dispatch runs them in call order per target, for every
 * window, tab and the CLI.
 */
export function createTransport(): Transport {
  const bridge = window.captiondesk;
  return bridge ? desktopTransport(bridge) : httpTransport(takeToken());
}
