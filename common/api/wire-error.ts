/**
 * An API error's code, params and message in one string, because an Error crossing
 * Electron's context bridge keeps only its message. The params ride percent-encoded,
 * so no bracket or space inside them can end the prefix. Pure: the preload and the
 * renderer both use it.
 */
const PREFIX = /^\[captiondesk:([a-z-]+)(?::([^\]\s]*))?\] ([\s\S]*)$/;

type Params = Record<string, unknown>;

export function encodeWireError(e: { message: string; code: string; params?: Params }): string {
  const params =
    e.params && Object.keys(e.params).length
      ? `:${encodeURIComponent(JSON.stringify(e.params))}`
      : '';
  return `[captiondesk:${e.code}${params}] ${e.message}`;
}

export function decodeWireError(
  message: string,
): { message: string; code: string; params?: Params } | null {
  const m = PREFIX.exec(message);
  if (!m) return null;
  const params = m[2] ? parseParams(m[2]) : null;
  return params ? { code: m[1]!, message: m[3]!, params } : { code: m[1]!, message: m[3]! };
}

function parseParams(encoded: string): Params | null {
  try {
    const value: unknown = JSON.parse(decodeURIComponent(encoded));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : null;
  } catch {
    return null;
  }
}
