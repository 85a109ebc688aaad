import { networkInterfaces } from 'node:os';

/** Online means some non-loopback interface has an address; the app cannot know more cheaply. */
export function hasNetwork(): boolean {
  return Object.values(networkInterfaces()).some((list) => (list ?? []).some((i) => !i.internal));
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Exponential, with jitter: it spreads reporters who lost the same hotel Wi-Fi instead of stampeding back. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
