import type { ApiEvent, ClientApi, MethodName } from '../../electron/contract/api';
import { TransportError } from './errors';
import type { EventListener, Transport } from './transport';

/** Writes that may be flushed as the page unloads. */
const KEEPALIVE = new Set<MethodName>(['setCaption', 'setFields', 'saveArticle']);

type Envelope =
  | { ok: true; value: unknown }
  | { ok: false; error: { message: string; code: string; params?: Record<string, unknown> } };

/** Browser mode: the same API over the local server started by `npm run web`. */
export function httpTransport(token: string | null): Transport {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['X-CaptionDesk-Token'] = token;
  // Requests may overtake each other on their way; the server hands this tab's calls to
  // the core in the order they were made (electron/web/call-order.ts), so a save is
  // just a call, never a queue here.
  headers['X-CaptionDesk-Client'] = crypto.randomUUID();
  let calls = 0;

  async function call(method: MethodName, args: unknown): Promise<unknown> {
    const body = JSON.stringify(args ?? {});
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { ...headers, 'X-CaptionDesk-Call': String(calls++) },
      body,
      credentials: 'same-origin',
      // An edit flushed while the page unloads must still reach the server; browsers
      // refuse keepalive bodies over 64 KB, so a very long article goes without it.
      keepalive: KEEPALIVE.has(method) && body.length < 60_000,
    });
    let envelope: Envelope | null = null;
    try {
      envelope = (await response.json()) as Envelope;
    } catch {
      envelope = null;
    }
    if (envelope?.ok === true) return envelope.value;
    if (envelope?.ok === false)
      throw new TransportError(envelope.error.message, envelope.error.code, envelope.error.params);
    throw new TransportError(`HTTP ${response.status} ${response.statusText}`.trim(), 'http');
  }

  // Generic over the contract: a new method needs no change here.
  const api = new Proxy({} as ClientApi, {
    get(_target, name) {
      // Not a method: keeps the object from looking like a promise or an iterable.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (args: unknown) => call(name as MethodName, args);
    },
  });

  return {
    mode: 'browser',
    api,
    onEvent: sharedEventSource(),
    mediaUrl: (path) => `/${path.replace(/^\/+/, '')}`,
  };
}

/** One EventSource for all listeners, opened on first use and closed with the last. */
function sharedEventSource(): Transport['onEvent'] {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;

  return (listener) => {
    listeners.add(listener);
    if (!source) {
      // Authenticated by the server's cookie: EventSource cannot send headers.
      source = new EventSource('/api/events');
      source.onmessage = (message: MessageEvent<string>) => {
        let event: ApiEvent;
        try {
          event = JSON.parse(message.data) as ApiEvent;
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}
