import { describe, expect, it } from 'vitest';
import { computerTimeZone, formatOffset, isTimeZone, timeZoneNames, zoneOffset } from './time-zone';

describe('time zone offsets', () => {
  it('follows daylight saving time: Berlin is +01:00 in January and +02:00 in July', () => {
    expect(zoneOffset('2024-01-15T12:00:00', 'Europe/Berlin')).toBe('+01:00');
    expect(zoneOffset('2024-07-15T12:00:00', 'Europe/Berlin')).toBe('+02:00');
    expect(zoneOffset('2021-06-27T18:23:07', 'Europe/Berlin')).toBe('+02:00');
  });

  it('switches at the change itself, not a day off', () => {
    // Europe changed to summer time on 31 March 2024 at 02:00 local (01:00 UTC).
    expect(zoneOffset('2024-03-31T01:59:59', 'Europe/Berlin')).toBe('+01:00');
    expect(zoneOffset('2024-03-31T03:00:00', 'Europe/Berlin')).toBe('+02:00');
    // 02:30 never happened that night: the offset from before the change.
    expect(zoneOffset('2024-03-31T02:30:00', 'Europe/Berlin')).toBe('+01:00');
    expect(zoneOffset('2024-10-27T04:00:00', 'Europe/Berlin')).toBe('+01:00');
    expect(zoneOffset('2024-03-10T12:00:00', 'America/New_York')).toBe('-04:00');
    expect(zoneOffset('2024-03-09T12:00:00', 'America/New_York')).toBe('-05:00');
  });

  it('gives Vietnam +07:00 all year, and half and quarter hours where they exist', () => {
    expect(zoneOffset('2024-12-26T14:30:00', 'Asia/Ho_Chi_Minh')).toBe('+07:00');
    expect(zoneOffset('2024-06-26T14:30:00', 'Asia/Ho_Chi_Minh')).toBe('+07:00');
    expect(zoneOffset('2024-06-26T14:30:00', 'Asia/Kolkata')).toBe('+05:30');
    expect(zoneOffset('2024-06-26T14:30:00', 'Asia/Kathmandu')).toBe('+05:45');
    expect(zoneOffset('2024-06-26', 'UTC')).toBe('+00:00');
  });

  it('has no offset for an unknown zone or a value that is not a date', () => {
    expect(zoneOffset('2024-06-26T14:30:00', 'Mars/Olympus_Mons')).toBeNull();
    expect(zoneOffset('26/06/2024', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
  });

  it('knows the computer zone and lists it among the choices', () => {
    expect(isTimeZone(computerTimeZone())).toBe(true);
    expect(timeZoneNames()).toContain('Europe/Berlin');
    // ICU lists Vietnam as its older canonical name Asia/Saigon: the name entered is kept.
    expect(timeZoneNames('Asia/Ho_Chi_Minh')).toContain('Asia/Ho_Chi_Minh');
    expect(timeZoneNames('Etc/GMT-7')[0]).toBe('Etc/GMT-7');
    expect(formatOffset(-330)).toBe('-05:30');
  });
});
