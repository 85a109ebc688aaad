import { describe, expect, it } from 'vitest';
import { statedOffset, withCaptureOffset } from './capture-offset';

const none = { exif: null, iim: null, xmp: null, timeZone: 'Asia/Ho_Chi_Minh' };

describe('the offset of an exported capture time', () => {
  it('keeps an offset the value states', () => {
    expect(withCaptureOffset('2024-12-26T14:30:00+07:00', { ...none, timeZone: 'UTC' })).toBe(
      '2024-12-26T14:30:00+07:00',
    );
    expect(withCaptureOffset('2008-03-14T13:59:26.054-06:00', none)).toBe(
      '2008-03-14T13:59:26.054-06:00',
    );
  });

  it('takes EXIF OffsetTimeOriginal first, then IIM, then XMP, then the event zone', () => {
    const all = {
      exif: '2021-06-27T18:23:07+03:00',
      iim: '2021-06-27T18:23:07+02:00',
      xmp: '2021-06-27T18:23:07.64+01:00',
      timeZone: 'Asia/Ho_Chi_Minh',
    };
    const v = '2021-06-27T18:23:07.64';
    expect(withCaptureOffset(v, all)).toBe(`${v}+03:00`);
    expect(withCaptureOffset(v, { ...all, exif: '2021-06-27T18:23:07' })).toBe(`${v}+02:00`);
    expect(withCaptureOffset(v, { ...all, exif: null, iim: '2021-06-27' })).toBe(`${v}+01:00`);
    expect(withCaptureOffset(v, { ...all, exif: null, iim: null, xmp: v })).toBe(`${v}+07:00`);
  });

  it('fixes the Nikon D3S case: zone-less XMP over IIM 18:23:07+02:00', () => {
    expect(
      withCaptureOffset('2021-06-27T18:23:07.64', {
        exif: '2021-06-27T18:23:07',
        iim: '2021-06-27T18:23:07+02:00',
        xmp: '2021-06-27T18:23:07.64',
        timeZone: 'Asia/Ho_Chi_Minh',
      }),
    ).toBe('2021-06-27T18:23:07.64+02:00');
  });

  it("uses the event zone's offset on that date, daylight saving time included", () => {
    const berlin = { ...none, timeZone: 'Europe/Berlin' };
    expect(withCaptureOffset('2024-01-15T10:00:00', berlin)).toBe('2024-01-15T10:00:00+01:00');
    expect(withCaptureOffset('2024-07-15T10:00:00', berlin)).toBe('2024-07-15T10:00:00+02:00');
    expect(withCaptureOffset('2024-07-15T10:00:00', none)).toBe('2024-07-15T10:00:00+07:00');
  });

  it('leaves a date without a time alone', () => {
    expect(withCaptureOffset('2002-09-05', none)).toBe('2002-09-05');
  });

  it('reads stated offsets in every ISO form', () => {
    expect(statedOffset('2020-07-23T00:00Z')).toBe('+00:00');
    expect(statedOffset('2020-07-23T00:00+0200')).toBe('+02:00');
    expect(statedOffset('2020-07-23T00:00:00-05:30')).toBe('-05:30');
    expect(statedOffset('2020-07-23')).toBeNull();
    expect(statedOffset('2020-07-23T00:00:00')).toBeNull();
  });
});
