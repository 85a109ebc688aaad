import type { ArgsOf, Template } from '../../electron/contract/api';
import { parseHotCodes, type HotCodeEntry } from '../../common/ingest/hot-codes';
import {
  renderIngestStem,
  templateNameValues,
  unknownIngestVariables,
} from '../../common/naming/ingest-name';

/** What the ingest dialog edits; kept between openings so a second card is one keystroke. */
export interface IngestForm {
  sources: string[];
  to: string;
  backup: string;
  rename: string;
  /** '' none, 'current' the open folder's event, else a saved template's name. */
  templateChoice: string;
  hotCodes: HotCodeEntry[];
}

export function emptyIngestForm(): IngestForm {
  return { sources: [''], to: '', backup: '', rename: '', templateChoice: '', hotCodes: [] };
}

export type IngestFormProblem = 'needSource' | 'needTo' | 'unknownVariables';

/** The API arguments, or what is missing; paths trimmed and NFC (a macOS paste is NFD). */
export function ingestArgsOf(
  f: IngestForm,
  template: Template | null,
  job: string,
): ArgsOf<'ingest'> | { problem: IngestFormProblem } {
  const clean = (s: string) => s.trim().normalize('NFC');
  const sources = f.sources.map(clean).filter(Boolean);
  if (!sources.length) return { problem: 'needSource' };
  if (!clean(f.to)) return { problem: 'needTo' };
  if (unknownIngestVariables(f.rename).length) return { problem: 'unknownVariables' };
  return {
    sources,
    to: clean(f.to),
    backup: clean(f.backup) || null,
    rename: clean(f.rename) || null,
    template,
    hotCodes: f.hotCodes
      .map((c) => ({ serial: c.serial.trim(), byline: clean(c.byline) }))
      .filter((c) => c.serial && c.byline),
    job,
  };
}

/**
 * Example names for the pattern. The renderer cannot read the card, so the first
 * names are shown for a typical camera sequence (IMG_0001…, today), with the template's
 * real values for {event}, {city}… — the same function the core names files with.
 */
export function previewNames(
  pattern: string,
  template: Template | null,
  today: string,
  count = 3,
): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = `IMG_${String(i + 1).padStart(4, '0')}.JPG`;
    if (!pattern.trim()) return file;
    const stem = renderIngestStem(pattern, {
      file,
      seqn: i + 1,
      serial: '012345678901',
      model: 'Canon EOS R6',
      make: 'Canon',
      capturedAt: `${today}T09:15:0${i}`,
      event: templateNameValues(template),
    });
    return `${stem}.JPG`;
  });
}

/** Rows from pasted TSV added after the ones there (a serial given twice: the pasted one wins). */
export function importHotCodes(current: HotCodeEntry[], text: string) {
  const { codes, problems } = parseHotCodes(text);
  const pasted = new Set(codes.map((c) => c.serial.toLowerCase()));
  return {
    hotCodes: [...current.filter((c) => !pasted.has(c.serial.toLowerCase())), ...codes],
    problems,
  };
}

/** The id the run is cancelled by (cancelJob) and its events are matched with. */
export function newIngestJob(): string {
  return `ingest:${crypto.randomUUID()}`;
}
