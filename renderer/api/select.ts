import { desktopTransport } from './desktop';
import { httpTransport } from './http';
import { takeToken } from './token';
import type { Transport } from './transport';

/**
 * Electron's preload defines window.captiondesk; anything else is browser mode. Writes
 * go straight through: the core serializes them per sidecar, for every window and the CLI.
 */
export function createTransport(): Transport {
  const bridge = window.captiondesk;
  return bridge ? desktopTransport(bridge) : httpTransport(takeToken());
}
