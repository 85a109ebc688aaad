import { expect, it } from 'vitest';
import { shortTime } from './time';

it('shortens ISO times to the minute, keeping anything it does not recognise', () => {
  expect(shortTime('2026-11-25T18:22:56.403Z')).toBe('2026-11-25 18:22Z');
  expect(shortTime('2024-12-26T17:00:00+07:00')).toBe('2024-12-26 17:00+07:00');
  expect(shortTime('hôm qua')).toBe('hôm qua');
});
