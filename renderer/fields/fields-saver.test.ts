import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Photo } from '../../electron/contract/api';
import { FieldsSaver } from './fields-saver';

type Args = { folder: string; files: string[]; fields?: Record<string, unknown> };

describe('FieldsSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges edits of several fields of the same photos into one save', async () => {
    const setFields = vi.fn(async (a: Args) => a.files.map((file) => ({ file }) as Photo));
    const saver = new FieldsSaver(setFields);
    saver.schedule('/f', ['a', 'b'], { city: 'Lào' });
    saver.schedule('/f', ['a', 'b'], { city: 'Lào Cai' });
    saver.schedule('/f', ['a', 'b'], { credit: 'Báo Lào Cai' });
    await vi.advanceTimersByTimeAsync(500);
    expect(setFields).toHaveBeenCalledTimes(1);
    expect(setFields).toHaveBeenCalledWith({
      folder: '/f',
      files: ['a', 'b'],
      fields: { city: 'Lào Cai', credit: 'Báo Lào Cai' },
    });
    expect(saver.statusOf()).toEqual({ phase: 'saved' });
  });

  it('flushes the previous selection before editing another, and retries a failure', async () => {
    let fail = true;
    const setFields = vi.fn(async (a: Args) => {
      if (fail) throw new Error('disk full');
      return a.files.map((file) => ({ file }) as Photo);
    });
    const saver = new FieldsSaver(setFields);
    saver.schedule('/f', ['a'], { city: 'A' });
    saver.schedule('/f', ['b'], { city: 'B' });
    await saver.flush();
    expect(setFields.mock.calls.map(([a]) => a.files)).toEqual([['a'], ['b']]);
    expect(saver.statusOf()).toEqual({
      phase: 'failed',
      failure: { code: null, params: {}, message: 'disk full' },
    });
    fail = false;
    await saver.flush();
    expect(setFields).toHaveBeenLastCalledWith({
      folder: '/f',
      files: ['b'],
      fields: { city: 'B' },
    });
    expect(saver.statusOf()).toEqual({ phase: 'saved' });
  });
});

describe('FieldsSaver without a queue', () => {
  it('sends each save at once and retries a failed field only where no later save wrote it', async () => {
    const calls: { args: Args; answer: (ok: boolean) => void }[] = [];
    const setFields = vi.fn(
      (a: Args) =>
        new Promise<Photo[]>((resolve, reject) =>
          calls.push({
            args: a,
            answer: (ok) =>
              ok
                ? resolve(a.files.map((file) => ({ file }) as Photo))
                : reject(new Error('disk full')),
          }),
        ),
    );
    const saver = new FieldsSaver(setFields);
    saver.schedule('/f', ['a'], { city: 'Huế', credit: 'TTXVN' });
    const first = saver.flush();
    saver.schedule('/f', ['a'], { city: 'Đà Nẵng' });
    const second = saver.flush();
    // The second is on its way before the first has answered: the core keeps their order.
    expect(calls.map((c) => c.args.fields)).toEqual([
      { city: 'Huế', credit: 'TTXVN' },
      { city: 'Đà Nẵng' },
    ]);
    calls[1]!.answer(true);
    calls[0]!.answer(false);
    await Promise.all([first, second]);
    expect(saver.statusOf()).toEqual({
      phase: 'failed',
      failure: { code: null, params: {}, message: 'disk full' },
    });
    const retry = saver.flush();
    // The older city must not come back over the newer one; the credit is retried.
    expect(calls[2]!.args).toEqual({ folder: '/f', files: ['a'], fields: { credit: 'TTXVN' } });
    calls[2]!.answer(true);
    await retry;
    expect(saver.statusOf()).toEqual({ phase: 'saved' });
  });
});
