import { describe, expect, it } from 'vitest';
import { renderIngestStem, safeStem, unknownIngestVariables } from './ingest-name';

const ctx = {
  file: 'IMG_0042.CR3',
  seqn: 7,
  serial: '012345678901',
  model: 'Canon EOS R6',
  make: 'Canon',
  capturedAt: '2026-11-20T09:15:03+07:00',
  event: { city: 'Đà Lạt', event: 'Lễ hội Hoa', byline: null },
};

describe('ingest names', () => {
  it('renders the per-file variables, {seqn} padded to 4', () => {
    expect(renderIngestStem('{date}_{time}_{camserial}_{seqn}', ctx)).toBe(
      '20261120_091503_012345678901_0007',
    );
    expect(renderIngestStem('{fbas}-{model}', ctx)).toBe('IMG_0042-Canon-EOS-R6');
  });

  it('takes the caption variables from the template, folded to ASCII with đ→d', () => {
    expect(renderIngestStem('{city}_{event}_{seqn}', ctx)).toBe('Da-Lat_Le-hoi-Hoa_0007');
  });

  it('renders a missing value empty and never gives an empty or hidden name', () => {
    expect(renderIngestStem('{byline}_{fbas}', ctx)).toBe('IMG_0042');
    expect(renderIngestStem('{byline}', ctx)).toBe('IMG_0042');
    expect(safeStem('..hidden')).toBe('hidden');
    expect(safeStem('a/b\\c:d')).toBe('a-b-c-d');
    // NFD input (macOS) folds the same as NFC.
    expect(safeStem('Đà Lạt'.normalize('NFD'))).toBe('Da-Lat');
  });

  it('names the variables it does not know', () => {
    expect(unknownIngestVariables('{date}_{cty}_{SEQN}_{nope}')).toEqual(['cty', 'nope']);
  });
});
