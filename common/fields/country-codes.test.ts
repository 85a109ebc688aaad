import { describe, expect, it } from 'vitest';
import { COUNTRY_CODE_PAIRS, toAlpha2, toAlpha3 } from './country-codes';

/** Well-known pairs, written out by hand from ISO 3166-1 (not derived from the table). */
const KNOWN: [string, string][] = [
  ['VN', 'VNM'],
  ['DE', 'DEU'],
  ['US', 'USA'],
  ['GB', 'GBR'],
  ['FR', 'FRA'],
  ['JP', 'JPN'],
  ['CN', 'CHN'],
  ['KR', 'KOR'],
  ['KP', 'PRK'],
  ['LA', 'LAO'],
  ['KH', 'KHM'],
  ['TH', 'THA'],
  ['MM', 'MMR'],
  ['MY', 'MYS'],
  ['SG', 'SGP'],
  ['ID', 'IDN'],
  ['PH', 'PHL'],
  ['TW', 'TWN'],
  ['HK', 'HKG'],
  ['IN', 'IND'],
  ['AU', 'AUS'],
  ['NZ', 'NZL'],
  ['RU', 'RUS'],
  ['UA', 'UKR'],
  ['CH', 'CHE'],
  ['AT', 'AUT'],
  ['ES', 'ESP'],
  ['PT', 'PRT'],
  ['IT', 'ITA'],
  ['NL', 'NLD'],
  ['BE', 'BEL'],
  ['SE', 'SWE'],
  ['IE', 'IRL'],
  ['IS', 'ISL'],
  ['CA', 'CAN'],
  ['MX', 'MEX'],
  ['BR', 'BRA'],
  ['AR', 'ARG'],
  ['CL', 'CHL'],
  ['ZA', 'ZAF'],
  ['EG', 'EGY'],
  ['NG', 'NGA'],
  ['SA', 'SAU'],
  ['AE', 'ARE'],
  ['IL', 'ISR'],
  ['PS', 'PSE'],
  ['TR', 'TUR'],
  ['VA', 'VAT'],
  ['AQ', 'ATA'],
  ['AX', 'ALA'],
  ['SS', 'SSD'],
  ['SX', 'SXM'],
  ['BQ', 'BES'],
  ['CW', 'CUW'],
  ['TL', 'TLS'],
];

describe('ISO 3166-1 alpha-2 ↔ alpha-3', () => {
  it('holds all 249 assigned codes', () => {
    expect(COUNTRY_CODE_PAIRS).toHaveLength(249);
    for (const [a2, a3] of COUNTRY_CODE_PAIRS) {
      expect(a2).toMatch(/^[A-Z]{2}$/);
      expect(a3).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('is a bijection', () => {
    expect(new Set(COUNTRY_CODE_PAIRS.map(([a2]) => a2)).size).toBe(249);
    expect(new Set(COUNTRY_CODE_PAIRS.map(([, a3]) => a3)).size).toBe(249);
    for (const [a2, a3] of COUNTRY_CODE_PAIRS) {
      expect(toAlpha3(a2)).toBe(a3);
      expect(toAlpha2(a3)).toBe(a2);
    }
  });

  it.each(KNOWN)('%s ↔ %s', (a2, a3) => {
    expect(toAlpha3(a2)).toBe(a3);
    expect(toAlpha2(a3)).toBe(a2);
    expect(toAlpha3(a3)).toBe(a3);
    expect(toAlpha2(a2)).toBe(a2);
  });

  it('takes any case and blanks around the code', () => {
    expect(toAlpha3(' vn ')).toBe('VNM');
    expect(toAlpha3('deu')).toBe('DEU');
  });

  it('has no answer for codes that are not assigned', () => {
    for (const bad of ['', 'X', 'UK', 'XK', 'EU', 'ZZZ', 'VIE', 'VNMX', 'Việt Nam'])
      expect(toAlpha3(bad)).toBeNull();
    expect(toAlpha2('GER')).toBeNull();
  });
});
