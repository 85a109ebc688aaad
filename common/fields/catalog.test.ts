import { describe, expect, it } from 'vitest';
import { budgetOf, fieldSpec, FIELDS, type FieldSpec } from './catalog';
import { choiceCode, choiceUri } from './choice';

/**
 * Record 2 datasets and their maximum octets, from IPTC-NAA IIM 4.2 (and IPTC Photo
 * Metadata's IIM mapping), written out independently of the catalog.
 */
const IIM_SPEC: Record<number, { name: string; maxBytes: number; repeatable: boolean }> = {
  5: { name: 'Object Name', maxBytes: 64, repeatable: false },
  25: { name: 'Keywords', maxBytes: 64, repeatable: true },
  40: { name: 'Special Instructions', maxBytes: 256, repeatable: false },
  55: { name: 'Date Created', maxBytes: 8, repeatable: false },
  60: { name: 'Time Created', maxBytes: 11, repeatable: false },
  80: { name: 'By-line', maxBytes: 32, repeatable: true },
  90: { name: 'City', maxBytes: 32, repeatable: false },
  92: { name: 'Sub-location', maxBytes: 32, repeatable: false },
  95: { name: 'Province/State', maxBytes: 32, repeatable: false },
  100: { name: 'Country/Primary Location Code', maxBytes: 3, repeatable: false },
  101: { name: 'Country/Primary Location Name', maxBytes: 64, repeatable: false },
  103: { name: 'Original Transmission Reference', maxBytes: 32, repeatable: false },
  105: { name: 'Headline', maxBytes: 256, repeatable: false },
  110: { name: 'Credit', maxBytes: 32, repeatable: false },
  115: { name: 'Source', maxBytes: 32, repeatable: false },
  116: { name: 'Copyright Notice', maxBytes: 128, repeatable: false },
  120: { name: 'Caption/Abstract', maxBytes: 2000, repeatable: false },
};

const rows: readonly FieldSpec[] = FIELDS;
const unique = (values: readonly unknown[]) => new Set(values).size === values.length;

describe('the field catalog', () => {
  it('names each field, label, CLI flag and XMP property once', () => {
    expect(unique(rows.map((f) => f.key))).toBe(true);
    expect(unique(rows.map((f) => f.labelKey))).toBe(true);
    expect(unique(rows.flatMap((f) => (f.cli ? [f.cli.flag] : [])))).toBe(true);
    expect(unique(rows.map((f) => `${f.xmp.ns}:${f.xmp.property}`))).toBe(true);
    for (const f of rows) {
      expect(f.key).toMatch(/^[a-z][A-Za-z]*$/);
      expect(f.labelKey).toMatch(/^field[A-Z][A-Za-z]*$/);
      if (f.cli) expect(f.cli.flag).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('gives each IIM dataset to one field, with the byte limit and repetition of IIM 4.2', () => {
    const datasets = rows.flatMap((f) =>
      f.iim ? [f.iim.dataset, ...(f.iim.timeDataset ? [f.iim.timeDataset] : [])] : [],
    );
    expect(unique(datasets)).toBe(true);
    for (const f of rows) {
      if (!f.iim) continue;
      const spec = IIM_SPEC[f.iim.dataset];
      expect(spec, `${f.key}: 2:${f.iim.dataset} is not a known dataset`).toBeDefined();
      expect(f.iim.record).toBe(2);
      expect({ key: f.key, maxBytes: f.iim.maxBytes, repeatable: f.iim.repeatable }).toEqual({
        key: f.key,
        maxBytes: spec!.maxBytes,
        repeatable: spec!.repeatable,
      });
      // A date is written as CCYYMMDD in its dataset and HHMMSS±HHMM in the time dataset.
      if (f.kind === 'date') expect(f.iim.timeDataset).toBe(60);
      else expect(f.iim.timeDataset).toBeUndefined();
    }
  });

  it('holds a list in a repeatable dataset and an rdf:Bag or Seq, a text in a simple or lang-alt', () => {
    for (const f of rows) {
      const list = f.kind === 'list';
      expect([f.key, ['bag', 'seq'].includes(f.xmp.shape)]).toEqual([f.key, list]);
      if (f.iim) expect([f.key, f.iim.repeatable]).toEqual([f.key, list]);
      if (f.acceptsText || f.photoValue) expect([f.key, f.kind]).toEqual([f.key, 'list']);
    }
  });

  it('measures every field that has a limit, in bytes where IIM sets one', () => {
    for (const f of rows) {
      const b = budgetOf(f);
      if (f.iim && f.kind !== 'date') {
        expect(b).toEqual({ unit: 'bytes', limit: f.iim.maxBytes, each: f.iim.repeatable });
        // IIM's byte limit is the limit: a characters advice on top would contradict it.
        expect(f.maxChars).toBeUndefined();
      } else if (f.maxChars !== undefined) expect(b?.unit).toBe('chars');
      else expect(b).toBeNull();
    }
  });

  it('keeps EXIF tags unique and only on fields that also have IIM and XMP homes', () => {
    const tags = rows.flatMap((f) => (f.exif ? [f.exif] : []));
    expect(unique(tags)).toBe(true);
    for (const f of rows) if (f.exif) expect(f.iim).not.toBeNull();
  });

  it('shows a {variable} only for a template field, each name and alias once', () => {
    const names = rows.flatMap((f) =>
      f.variable ? [f.variable.name, ...(f.variable.aliases ?? [])] : [],
    );
    expect(unique([...names, 'event', 'filename', 'fbas', 'filenamebase', 'seqn'])).toBe(true);
    for (const f of rows) {
      if (f.variable) expect([f.key, f.template !== false]).toEqual([f.key, true]);
      if (f.place) expect([f.key, f.variable]).not.toEqual([f.key, undefined]);
    }
  });

  it('holds a vocabulary as a select of codes, and shows a dependent row only on terms of it', () => {
    for (const f of rows) {
      if (f.choice) {
        expect([f.key, f.kind, f.editor]).toEqual([f.key, 'code', 'select']);
        expect(f.choice.uri).toMatch(/^https?:\/\/.+\/$/);
        expect(unique(f.choice.codes)).toBe(true);
      } else expect([f.key, f.editor]).not.toEqual([f.key, 'select']);
      if (!f.shownWhen) continue;
      const on = fieldSpec(f.shownWhen.field);
      expect(on?.choice, `${f.key} depends on a field without a vocabulary`).toBeDefined();
      for (const v of f.shownWhen.oneOf) expect(choiceCode(on!.choice!, v)).not.toBeNull();
    }
  });

  it('takes a code or a term URI of the vocabulary, and nothing else', () => {
    const choice = fieldSpec('digitalSourceType')!.choice!;
    const uri = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
    expect(choiceUri(choice, ' digitalCapture ')).toBe(`${uri}digitalCapture`);
    expect(choiceUri(choice, `${uri}virtualRecording`)).toBe(`${uri}virtualRecording`);
    expect(choiceUri(choice, '')).toBe('');
    expect(choiceUri(choice, 'DigitalCapture')).toBeNull();
    expect(choiceUri(choice, `${uri}../x`)).toBeNull();
    expect(choiceUri(choice, 'http://example.com/digitalCapture')).toBeNull();
    expect(choiceCode(choice, `${uri}compositeCapture`)).toBe('compositeCapture');
    expect(choiceCode(choice, 'compositeCapture')).toBeNull();
  });
});
