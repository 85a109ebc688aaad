import { desktopTransport } from './desktop';
import { httpTransport } from './http';
import { serialWrites } from './serial-writes';
import { takeToken } from './token';
import type { Transport } from './transport';

/** Electron's preload defines window.captiondesk; anything else is browser mode. */
export function createTransport(): Transport {
  const bridge = window.captiondesk;
  const transport = bridge ? desktopTransport(bridge) : httpTransport(takeToken());
  return { ...transport, api: serialWrites(transport.api) };
}
