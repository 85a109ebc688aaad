/**
 * Browser mode's answer to "the order the page called in". A tab sends its calls as
 * separate HTTP requests over several connections, so they can reach the server in
 * another order than they were made. Each call carries the tab's id and a running
 * number; a call waits here until every earlier call of its tab has been handed to
 * `dispatch`, whose per-target queues then keep that order. Only the hand-over is
 * ordered: a long call does not hold up the next one.
 */
export const CLIENT_HEADER = 'x-captiondesk-client';
export const CALL_HEADER = 'x-captiondesk-call';

/** How long a call waits for an earlier one that may never come (an aborted request). */
const GIVE_UP_MS = 2000;
/** A tab not heard of for this long is forgotten. */
const FORGET_MS = 10 * 60_000;

interface Client {
  /** The number of the next call to hand over. */
  next: number;
  waiting: Map<number, () => void>;
  seenAt: number;
}

export class CallOrder {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly giveUpMs = GIVE_UP_MS) {}

  /**
   * Waits for the call's turn, then returns the function to call once it has been
   * handed over (always call it, even when the call was refused).
   */
  async turn(client: string, call: number): Promise<() => void> {
    const now = Date.now();
    this.forgetIdle(now);
    let c = this.clients.get(client);
    if (!c) this.clients.set(client, (c = { next: 0, waiting: new Map(), seenAt: now }));
    c.seenAt = now;
    const state = c;
    if (call > state.next) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // The calls before it are lost (the page aborted them): this one goes on.
          state.waiting.delete(call);
          this.advance(state, call);
          resolve();
        }, this.giveUpMs);
        state.waiting.set(call, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return () => this.advance(state, call + 1);
  }

  private advance(c: Client, to: number): void {
    if (to <= c.next) return;
    c.next = to;
    for (const [call, wake] of c.waiting) {
      if (call > to) continue;
      c.waiting.delete(call);
      wake();
    }
  }

  private forgetIdle(now: number): void {
    for (const [id, c] of this.clients)
      if (now - c.seenAt > FORGET_MS && c.waiting.size === 0) this.clients.delete(id);
  }
}

/** The tab's id and call number from a request, or null for a caller that does not order (curl, a test). */
export function callTag(headers: Record<string, string | string[] | undefined>) {
  const client = headers[CLIENT_HEADER];
  const call = headers[CALL_HEADER];
  if (typeof client !== 'string' || typeof call !== 'string') return null;
  if (!/^[\w-]{1,64}$/.test(client) || !/^\d{1,15}$/.test(call)) return null;
  return { client, call: Number(call) };
}
