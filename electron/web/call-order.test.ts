import { describe, expect, it } from 'vitest';
import { CallOrder, callTag } from './call-order';

/** Records the order in which calls are handed over. */
async function handOver(order: CallOrder, client: string, call: number, log: number[]) {
  const done = await order.turn(client, call);
  log.push(call);
  done();
}

describe('CallOrder', () => {
  it("hands a tab's calls over in its order, whatever order they arrive in", async () => {
    const order = new CallOrder();
    const log: number[] = [];
    const late = [handOver(order, 't', 2, log), handOver(order, 't', 1, log)];
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual([]);
    await handOver(order, 't', 0, log);
    await Promise.all(late);
    expect(log).toEqual([0, 1, 2]);
  });

  it('keeps tabs apart', async () => {
    const order = new CallOrder();
    const log: number[] = [];
    const waiting = handOver(order, 'a', 1, log);
    // Tab b's first call does not wait for tab a's missing one.
    await handOver(order, 'b', 0, log);
    expect(log).toEqual([0]);
    await handOver(order, 'a', 0, log);
    await waiting;
    expect(log).toEqual([0, 0, 1]);
  });

  it('goes on without a call that never comes (an aborted request)', async () => {
    const order = new CallOrder(5);
    const log: number[] = [];
    await handOver(order, 't', 0, log);
    // Call 1 was lost: 2 and 3 wait for it, then go on in their order.
    await Promise.all([handOver(order, 't', 3, log), handOver(order, 't', 2, log)]);
    expect(log).toEqual([0, 2, 3]);
    // The lost call arriving after all is not held back.
    await handOver(order, 't', 1, log);
    expect(log).toEqual([0, 2, 3, 1]);
  });

  it('reads the tab and call number only when both are well formed', () => {
    expect(callTag({ 'x-captiondesk-client': 'abc-1', 'x-captiondesk-call': '7' })).toEqual({
      client: 'abc-1',
      call: 7,
    });
    expect(callTag({ 'x-captiondesk-client': 'abc' })).toBeNull();
    expect(callTag({ 'x-captiondesk-client': 'a b', 'x-captiondesk-call': '1' })).toBeNull();
    expect(callTag({ 'x-captiondesk-client': 'a', 'x-captiondesk-call': '-1' })).toBeNull();
  });
});
