import { describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../electron/contract/bridge-types';
import { desktopTransport } from '../api/desktop';
import { shellLanguageSync } from './shell-language';

describe('telling the desktop shell the UI language', () => {
  it('goes through the preload bridge, at start and on each switch, once per change', async () => {
    const setLanguage = vi.fn(async (_lang: 'vi' | 'en') => undefined);
    const transport = desktopTransport({ setLanguage } as unknown as DesktopBridge);
    const tell = shellLanguageSync(transport.setLanguage);
    tell('vi');
    tell('vi');
    tell('en');
    tell('vi');
    await Promise.resolve();
    expect(setLanguage.mock.calls.map(([lang]) => lang)).toEqual(['vi', 'en', 'vi']);
  });

  it('asks again after a failure, and does nothing in browser mode', async () => {
    let fail = true;
    const setLanguage = vi.fn(async () => {
      if (fail) throw new Error('No handler registered');
    });
    const tell = shellLanguageSync(setLanguage);
    tell('en');
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    tell('en');
    expect(setLanguage).toHaveBeenCalledTimes(2);
    expect(() => shellLanguageSync(undefined)('en')).not.toThrow();
  });
});
