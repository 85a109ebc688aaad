import { describe, expect, it } from 'vitest';
import { emptyIngestForm, importHotCodes, ingestArgsOf, previewNames } from './ingest-form';

const template = {
  event: 'Lễ hội Đền Hùng',
  city: { value: 'Phú Thọ', apply: true },
} as unknown as Parameters<typeof previewNames>[1];

describe('ingest form', () => {
  it('previews the first names with the template values, the way the core names files', () => {
    expect(previewNames('{event}_{date}_{seqn}', template, '2026-04-18')).toEqual([
      'Le-hoi-Den-Hung_20260418_0001.JPG',
      'Le-hoi-Den-Hung_20260418_0002.JPG',
      'Le-hoi-Den-Hung_20260418_0003.JPG',
    ]);
    expect(previewNames('', null, '2026-04-18', 2)).toEqual(['IMG_0001.JPG', 'IMG_0002.JPG']);
  });

  it('turns the form into arguments, NFC and trimmed, or says what is missing', () => {
    const f = emptyIngestForm();
    expect(ingestArgsOf(f, null, 'j')).toEqual({ problem: 'needSource' });
    f.sources = ['  /media/the-nho ', ''];
    expect(ingestArgsOf(f, null, 'j')).toEqual({ problem: 'needTo' });
    f.to = '/home/pv/Sự kiện'.normalize('NFD');
    f.rename = '{nope}';
    expect(ingestArgsOf(f, null, 'j')).toEqual({ problem: 'unknownVariables' });
    f.rename = '';
    f.hotCodes = [
      { serial: ' 123 ', byline: 'Hoa' },
      { serial: '', byline: 'nobody' },
    ];
    expect(ingestArgsOf(f, null, 'j')).toEqual({
      sources: ['/media/the-nho'],
      to: '/home/pv/Sự kiện',
      backup: null,
      rename: null,
      template: null,
      hotCodes: [{ serial: '123', byline: 'Hoa' }],
      job: 'j',
    });
  });

  it('imports pasted TSV, the pasted row winning for a serial already there', () => {
    const r = importHotCodes([{ serial: 'A1', byline: 'Old' }], '// x\na1\tNew\nB2\tHoa\n');
    expect(r.hotCodes).toEqual([
      { serial: 'a1', byline: 'New' },
      { serial: 'B2', byline: 'Hoa' },
    ]);
    expect(r.problems).toEqual([]);
  });
});
