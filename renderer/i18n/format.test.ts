import { describe, expect, it } from 'vitest';
import {
  formatAperture,
  formatDecimal,
  formatFileSize,
  formatShutter,
  formatWallClock,
} from './format';

describe('locale formatting', () => {
  it('writes decimals the Vietnamese way in vi', () => {
    expect(formatDecimal('vi', 1234.56, 1)).toBe('1.234,6');
    expect(formatDecimal('en', 1234.56, 1)).toBe('1,234.6');
  });

  it('gives file sizes in MB with a decimal comma in vi', () => {
    expect(formatFileSize('vi', 2_270_597)).toBe('2,2 MB');
    expect(formatFileSize('en', 2_270_597)).toBe('2.2 MB');
    expect(formatFileSize('vi', 33_752)).toBe('33 KB');
    expect(formatFileSize('vi', 0)).toBe('0 B');
  });

  it('shows the camera wall clock as written, dd/mm/yyyy in vi', () => {
    expect(formatWallClock('vi', '2019-10-26T16:07:24')).toBe('26/10/2019 16:07:24');
    expect(formatWallClock('vi', '2021-05-12T12:21:21+02:00')).toBe('12/05/2021 12:21:21');
    expect(formatWallClock('en', '2019:10:26 16:07:24')).toBe('2019-10-26 16:07:24');
    expect(formatWallClock('vi', 'not a date')).toBe('not a date');
  });

  it('writes exposure as photographers do', () => {
    expect(formatShutter('vi', 1 / 250)).toBe('1/250 s');
    expect(formatShutter('vi', 0.00625)).toBe('1/160 s');
    expect(formatShutter('vi', 2)).toBe('2 s');
    expect(formatShutter('vi', 0.8)).toBe('0,8 s');
    expect(formatAperture(2.8)).toBe('f/2.8');
    expect(formatAperture(10)).toBe('f/10');
  });
});
