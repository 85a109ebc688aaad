import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../electron/api';
import { serialWrites } from './serial-writes';

describe('serialWrites', () => {
  it('runs writes one after another, failures included, and reads at once', async () => {
    const log: string[] = [];
    let release: (() => void) | undefined;
    const fake = {
      setFields: async (a: { tag: string }) => {
        log.push(`start ${a.tag}`);
        if (a.tag === 'one') await new Promise<void>((r) => (release = r));
        if (a.tag === 'two') throw new Error('disk full');
        log.push(`end ${a.tag}`);
        return [];
      },
      listPhotos: async () => {
        log.push('list');
        return [];
      },
    };
    const api = serialWrites(fake as unknown as ClientApi) as unknown as typeof fake;
    const one = api.setFields({ tag: 'one' });
    const two = api.setFields({ tag: 'two' });
    const three = api.setFields({ tag: 'three' });
    await api.listPhotos();
    await new Promise((r) => setTimeout(r, 10));
    // The read did not wait; the second write waits for the first.
    expect(log).toEqual(['list', 'start one']);
    release?.();
    await one;
    await expect(two).rejects.toThrow('disk full');
    await three;
    expect(log).toEqual(['list', 'start one', 'end one', 'start two', 'start three', 'end three']);
  });
});
