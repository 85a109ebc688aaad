import { describe, expect, it } from 'vitest';
import { parseDateline, showDateline } from './dates';

describe('dateline dates', () => {
  it('reads the Vietnamese way and ISO, and stores ISO', () => {
    expect(parseDateline('26/12/2024')).toBe('2024-12-26');
    expect(parseDateline(' 6/1/2025 ')).toBe('2025-01-06');
    expect(parseDateline('26.12.2024')).toBe('2024-12-26');
    expect(parseDateline('2024-12-26')).toBe('2024-12-26');
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateline('31/02/2024')).toBeNull();
    expect(parseDateline('29/02/2024')).toBe('2024-02-29');
    expect(parseDateline('12/26/2024')).toBeNull();
    expect(parseDateline('hôm nay')).toBeNull();
  });

  it('shows dd/mm/yyyy in Vietnamese and ISO in English', () => {
    expect(showDateline('2024-12-26', 'vi')).toBe('26/12/2024');
    expect(showDateline('2024-12-26', 'en')).toBe('2024-12-26');
    expect(showDateline('', 'vi')).toBe('');
  });
});
