/**
 * IPTC IIM reading. exifr decodes every IIM string as Latin-1 and never looks at
 * 1:90 (its issue #82), which garbles UTF-8 captions, so we read the datasets ourselves.
 */
import { FIELDS, type FieldValues } from '../../../common/fields/catalog';

export interface IimDataset {
  record: number;
  dataset: number;
  data: Buffer;
}

const UTF8_DECLARATION = Buffer.from([0x1b, 0x25, 0x47]); // ESC % G

/** Find the IIM bytes (8BIM resource 0x0404) in a Photoshop APP13 payload. */
export function findIimInPhotoshop(payload: Buffer): Buffer | null {
  const sig = 'Photoshop 3.0\0';
  let pos = payload.toString('latin1', 0, sig.length) === sig ? sig.length : 0;
  while (pos + 12 <= payload.length) {
    if (payload.toString('latin1', pos, pos + 4) !== '8BIM') return null;
    const id = payload.readUInt16BE(pos + 4);
    const nameLen = payload[pos + 6]!;
    let p = pos + 6 + 1 + nameLen;
    if ((1 + nameLen) % 2) p++;
    if (p + 4 > payload.length) return null;
    const size = payload.readUInt32BE(p);
    const dataStart = p + 4;
    // A resource declaring 0 bytes holds nothing, whatever bytes follow: exiftool agrees.
    if (id === 0x0404)
      return size > 0
        ? payload.subarray(dataStart, Math.min(payload.length, dataStart + size))
        : null;
    pos = dataStart + size + (size % 2);
  }
  return null;
}

export function parseIim(bytes: Buffer): IimDataset[] {
  const out: IimDataset[] = [];
  let pos = 0;
  while (pos + 5 <= bytes.length && bytes[pos] === 0x1c) {
    const record = bytes[pos + 1]!;
    const dataset = bytes[pos + 2]!;
    let len = bytes.readUInt16BE(pos + 3);
    let start = pos + 5;
    if (len & 0x8000) {
      // Extended dataset: the low bits give the size of the length field.
      const n = len & 0x7fff;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (bytes[start + i] ?? 0);
      start += n;
    }
    if (start + len > bytes.length) break;
    out.push({ record, dataset, data: bytes.subarray(start, start + len) });
    pos = start + len;
  }
  return out;
}

export function declaresUtf8(datasets: IimDataset[]): boolean {
  return datasets.some(
    (d) => d.record === 1 && d.dataset === 90 && d.data.includes(UTF8_DECLARATION),
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Decode IIM text: UTF-8 when 1:90 says so; with no declaration, UTF-8 only when the
 * bytes are valid UTF-8 and use multi-byte sequences (pure ASCII reads the same either
 * way), else the Latin-1/cp1252 that older tools wrote.
 */
export function decodeIimText(data: Uint8Array, utf8Declared: boolean): string {
  let text: string;
  if (utf8Declared) text = new TextDecoder('utf-8').decode(data);
  else if (data.some((b) => b >= 0x80)) {
    try {
      text = strictUtf8.decode(data);
    } catch {
      text = cp1252.decode(data);
    }
  } else text = cp1252.decode(data);
  return text.replace(/\0+$/, '').normalize('NFC');
}

const IIM_ROWS = FIELDS.filter((f) => f.iim !== null);
/** Single-valued datasets: the first one found wins. */
const SINGLE = new Map<number, string>(
  IIM_ROWS.filter((f) => !f.iim.repeatable && f.kind !== 'date').map((f) => [f.iim.dataset, f.key]),
);
/** Repeatable datasets: each adds an item to the field's list. */
const REPEATED = new Map<number, string>(
  IIM_ROWS.filter((f) => f.iim.repeatable).map((f) => [f.iim.dataset, f.key]),
);
/** Dates: the date dataset and its time dataset (IIM writes them apart). */
const DATES = IIM_ROWS.flatMap((f) =>
  f.kind === 'date' && 'timeDataset' in f.iim
    ? [{ key: f.key, date: f.iim.dataset, time: f.iim.timeDataset }]
    : [],
);

/** The catalog's fields found in record 2. */
export function iimFields(datasets: IimDataset[]): FieldValues {
  const utf8 = declaresUtf8(datasets);
  const f: Record<string, string | string[]> = {};
  const dateParts = new Map<number, string>();
  for (const d of datasets) {
    if (d.record !== 2) continue;
    const text = decodeIimText(d.data, utf8);
    const single = SINGLE.get(d.dataset);
    const repeated = REPEATED.get(d.dataset);
    if (single) f[single] ??= text;
    else if (repeated) ((f[repeated] ??= []) as string[]).push(text);
    else dateParts.set(d.dataset, text);
  }
  for (const { key, date: dateDs, time: timeDs } of DATES) {
    const date = dateParts.get(dateDs) ?? '';
    const time = dateParts.get(timeDs) ?? '';
    if (!/^\d{8}$/.test(date)) continue;
    let iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    const t = /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time);
    if (t) iso += `T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}`;
    f[key] = iso;
  }
  return f as FieldValues;
}
