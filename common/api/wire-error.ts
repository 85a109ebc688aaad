/**
 * An API error's code and message in one string, because an Error crossing
 * Electron's context bridge keeps only its message. Pure: the preload and the
 * renderer both use it.
 */
const PREFIX = /^\[captiondesk:([a-z-]+)\] ([\s\S]*)$/;

export function encodeWireError(e: { message: string; code: string }): string {
  return `[captiondesk:${e.code}] ${e.message}`;
}

export function decodeWireError(message: string): { message: string; code: string } | null {
  const m = PREFIX.exec(message);
  return m ? { code: m[1]!, message: m[2]! } : null;
}
