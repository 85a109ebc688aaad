import { describe, expect, it } from 'vitest';
import { ForegroundGate } from './foreground-gate';

describe('ForegroundGate', () => {
  it('lets background work start only when no foreground call is in flight', async () => {
    const gate = new ForegroundGate();
    const order: string[] = [];
    await gate.idle();
    let finish!: () => void;
    const front = gate.run(
      () =>
        new Promise<void>((r) => {
          finish = r;
        }),
    );
    const back = gate.idle().then(() => order.push('background'));
    await Promise.resolve();
    order.push('foreground still running');
    finish();
    await front;
    await back;
    expect(order).toEqual(['foreground still running', 'background']);
  });

  it('wakes the waiting jobs even when the foreground call fails', async () => {
    const gate = new ForegroundGate();
    const failed = gate.run(() => Promise.reject(new Error('gone')));
    const back = gate.idle();
    await expect(failed).rejects.toThrow('gone');
    await expect(back).resolves.toBeUndefined();
  });
});
